using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TypedFlags.AspNetCore;

/// <summary>The MVC and Razor Pages side of <see cref="RequireFlagAttribute"/>.</summary>
internal sealed class FlagGateResourceFilter : IAsyncResourceFilter
{
    private readonly FlagGate _gate;
    private readonly FlagDisabledResponse _response;

    public FlagGateResourceFilter(FlagGate gate, FlagDisabledResponse response)
    {
        _gate = gate;
        _response = response;
    }

    public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (_gate.Check(context.HttpContext) != FlagGateOutcome.Disabled)
        {
            return next();
        }

        if (_response == FlagDisabledResponse.ProblemDetails)
        {
            var problem = FlagGateProblem.Create(_gate.Key);
            context.Result = new ObjectResult(problem)
            {
                StatusCode = problem.Status,
                ContentTypes = { "application/problem+json" },
            };
        }
        else
        {
            context.Result = new NotFoundResult();
        }

        return Task.CompletedTask;
    }
}
