using Search.Core;

namespace Search.Api.Features;

/// <summary>
/// The answer to a write sent with <c>?wait=true</c>: given once what it stored is searchable, or once
/// the server's wait limit (<c>Search:MaxWait</c>) has passed, whichever comes first, saying which.
/// Being the endpoint's result rather than part of its handler, it runs after the endpoint's filters
/// have let go of the write slot (<see cref="Protection.WriteSlots"/>): requests waiting on a stalled
/// index never hold the slots other writes need.
/// </summary>
public sealed class WhenSearchable(SearchEngine engine, long sequence, TimeSpan limit, Func<bool, IResult> answer) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        bool searchable;
        try
        {
            searchable = await engine.WaitUntilSearchableAsync(sequence, limit, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left; what it sent is stored all the same.
            return;
        }
        await answer(searchable).ExecuteAsync(context);
    }
}
