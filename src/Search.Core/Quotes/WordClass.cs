namespace Search.Core.Quotes;

/// <summary>What a word can be in the grammar of attribution; a word may be several (<c>الرئيس</c> is a role head that can also stand alone for a person named earlier).</summary>
[Flags]
internal enum WordClass
{
    None = 0,

    /// <summary>A finite verb of saying: <c>قال</c>, <c>وأضافت</c>, <c>يقول</c>, <c>أكدوا</c>.</summary>
    SayVerb = 1 << 0,

    /// <summary>The adverbial participle that adds a saying to a sentence: <c>مؤكدا</c>, <c>مضيفة</c>, <c>قائلا</c>.</summary>
    SayParticiple = 1 << 1,

    /// <summary>The verb or participle is feminine (<c>قالت</c>, <c>تقول</c>, <c>مؤكدة</c>): its subject is a woman, or an organisation or country.</summary>
    Feminine = 1 << 2,

    /// <summary>The verb or participle is plural or dual (<c>قالوا</c>, <c>يقولون</c>).</summary>
    Plural = 1 << 3,

    /// <summary>A word that opens reported speech: <c>إن</c>, <c>أن</c>, <c>إنه</c>, <c>بأن</c>.</summary>
    Complementizer = 1 << 4,

    /// <summary>A preposition a verb of saying takes before <c>أن</c>: <c>أشار إلى أن</c>, <c>شدد على أن</c>.</summary>
    LinkPreposition = 1 << 5,

    /// <summary>A word that attributes a statement to a source: <c>بحسب</c>, <c>وفق</c>, <c>نقلا</c>, <c>طبقا</c>.</summary>
    Source = 1 << 6,

    /// <summary>The head of a person's title: <c>وزير</c>, <c>المتحدث</c>, <c>رئيس</c>.</summary>
    RoleHead = 1 << 7,

    /// <summary>A courtesy title or rank, left out of the name: <c>الشيخ</c>, <c>الدكتور</c>, <c>اللواء</c>.</summary>
    Honorific = 1 << 8,

    /// <summary>The head of an organisation's name: <c>وزارة</c>, <c>الجيش</c>, <c>وكالة</c>.</summary>
    OrganisationHead = 1 << 9,

    /// <summary>A speaker the text does not name: <c>مصدر</c>, <c>مسؤولون</c>, <c>شهود</c>.</summary>
    Anonymous = 1 << 10,

    /// <summary>A word that ends a speaker's phrase and starts circumstances: <c>في</c>, <c>أمس</c>, <c>خلال</c>, <c>الاثنين</c>.</summary>
    Circumstance = 1 << 11,

    /// <summary>A common noun or adjective that continues a title or an organisation's name: <c>إدارة</c>, <c>شؤون</c>, <c>الرسمي</c>.</summary>
    Noun = 1 << 12,

    /// <summary>A word inside names: <c>بن</c>, <c>أبو</c>, <c>عبد</c>, <c>آل</c>.</summary>
    NameParticle = 1 << 13,

    /// <summary>A pronoun or relative word that ends a name: <c>الذي</c>, <c>هو</c>, <c>نفسه</c>.</summary>
    Pronoun = 1 << 14,

    /// <summary>One of the other classes behind <c>ل</c>, <c>لل</c> or <c>ب</c> (<c>لوكالة</c>, <c>بوزارة</c>): a title goes on through it, a name ends at it.</summary>
    Prefixed = 1 << 15,

    /// <summary>A verb of saying as often impersonal (<c>يُتوقع أن</c>, <c>يُعتقد أن</c>): a saying only with a subject of its own.</summary>
    NeedsSubject = 1 << 16,

    /// <summary>A verb that carries another's words: <c>نقلت الوكالة عن الوزير قوله</c>; the speaker is the one after <c>عن</c> or <c>قول</c>.</summary>
    Carrier = 1 << 17,

    /// <summary>A statement or report as subject: <c>وقال بيان للجيش</c> (the organisation after it speaks), <c>وأضاف البيان</c> (the latest organisation).</summary>
    Statement = 1 << 18,

    /// <summary>A word of the grammar behind the conjunction <c>و</c> or <c>ف</c> (<c>ووسائل</c>, <c>وفي</c>): another phrase joined on.</summary>
    Conjoined = 1 << 19,

    /// <summary>A kinship title (<c>ابنة</c>, <c>زوجته</c>): <c>ابنة الراحل ستيفن هوكينغ</c> names the father, not the speaker.</summary>
    Kin = 1 << 20,

    /// <summary>A verb of saying in the first person (<c>أؤكد</c>, <c>نرى</c>): speech not marked as such, its speaker the one already speaking.</summary>
    FirstPerson = 1 << 21,
}
