namespace Search.Api.Features;

/// <summary>
/// HEAD is answered wherever GET is, as HTTP says it should be: the request is routed as the GET it
/// stands for, with the same status and headers, and the body that GET writes is dropped. Minimal API
/// routes are GET only, so HEAD met 405 everywhere but the page's files.
/// </summary>
public static class HeadRequests
{
    /// <summary>Must come before routing, which picks the endpoint by method.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }
            var body = context.Response.Body;
            context.Request.Method = HttpMethods.Get;
            context.Response.Body = Stream.Null;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = body;
                context.Request.Method = HttpMethods.Head;
            }
        });
}
