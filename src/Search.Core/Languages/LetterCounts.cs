namespace Search.Core.Languages;

/// <summary>The letters of a text by script, and the letters that tell Persian writing from Arabic (<see cref="WritingScripts"/>).</summary>
internal struct LetterCounts
{
    public int Arabic, Cyrillic, Latin, Other, PersianForms, ArabicForms;

    public void Add(WritingScript script, char c)
    {
        switch (script)
        {
            case WritingScript.Arabic:
                Arabic++;
                PersianForms += WritingScripts.IsPersianForm(c) ? 1 : 0;
                ArabicForms += WritingScripts.IsArabicForm(c) ? 1 : 0;
                break;
            case WritingScript.Cyrillic:
                Cyrillic++;
                break;
            case WritingScript.Latin:
                Latin++;
                break;
            default:
                Other++;
                break;
        }
    }
}
