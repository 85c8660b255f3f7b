using Leefkracht.Data.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// The answer to a request that failed on the server, in the reader's language: a database that cannot be used (503,
/// or 500 when one operation failed: busy, read-only, full) says what is wrong in words with the driver's text as the
/// detail and its code under <c>code</c> (<see cref="StoreFailure"/>); any other unexpected exception is a 500 with a
/// title in words and no detail, since its message is a programmer's, in English, and may name internals (it is logged).
/// </summary>
internal sealed class ServerFailures(IProblemDetailsService problems, ILogger<ServerFailures> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is BadHttpRequestException || httpContext.Response.HasStarted || httpContext.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        // The exception left the request localization's scope on its way here.
        httpContext.TakeTheReadersLanguageAgain();

        ProblemDetails problem;
        if (StoreFailure.Of(exception) is { } failure)
        {
            logger.LogError(exception, "Database failure {Code}", failure.Code);
            problem = new ProblemDetails
            {
                Status = failure.Unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
                Title = ProblemText.Words[failure.Unavailable ? "Title.DatabaseUnavailable" : "Title.DatabaseFailed"],
                Detail = failure.Message,
                Extensions = { ["code"] = failure.Code },
            };
        }
        else
        {
            logger.LogError(exception, "Unexpected failure");
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = ProblemText.Words["Title.Unexpected"],
                Detail = ProblemText.Words["Unexpected"],
            };
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }).ConfigureAwait(false);
    }
}
