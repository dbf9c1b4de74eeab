namespace Search.Core.Ingest.Pages;

public enum PageKind
{
    Text,
    Html,
}
