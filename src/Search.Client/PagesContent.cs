using System.Net.Http.Headers;

namespace Search.Client;

/// <summary>Builds the <c>multipart/form-data</c> body that <c>POST /api/pages</c> takes: one file part a page.</summary>
public static class PagesContent
{
    public const string FieldName = "pages";

    /// <param name="pages">Each page's name (a relative path is kept, for the report) and its bytes, sent as they are.</param>
    public static MultipartFormDataContent FromFiles(IEnumerable<(string Name, byte[] Content)> pages)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in pages)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            // filename* carries names in Arabic intact; filename is for servers that know only it.
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
            {
                Name = FieldName,
                FileName = "\"" + AsciiFallback(name) + "\"",
                FileNameStar = name,
            };
            form.Add(part);
        }
        return form;
    }

    private static string AsciiFallback(string name) =>
        new(name.Select(c => c is >= ' ' and < '\u007F' and not '"' and not '\\' ? c : '_').ToArray());
}
