namespace Search.Core.Documents.Pages;

public enum PageKind
{
    Text,
    Html,
}
