using Bargaining.Infrastructure;
using Bargaining.Web.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Bargaining.Web.Api;

/// <summary>
/// Documents the optional <c>Idempotency-Key</c> header on every endpoint that sends a command (POST, PUT, PATCH,
/// DELETE), so a client knows it may retry safely. Signing in and out, account creation (Identity's, not commands)
/// and <c>/api/verify</c> (changes nothing) do not use it.
/// </summary>
public sealed class IdempotencyKeyHeader : IOpenApiOperationTransformer
{
    private static readonly string[] WithoutCommand = ["api/account/", "api/accounts", "api/verify"];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod ?? "";
        var path = context.Description.RelativePath ?? "";
        if (method is "POST" or "PUT" or "PATCH" or "DELETE" && !WithoutCommand.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = RequestKeys.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "幂等键（建议使用 UUID，1 至 100 个可见 ASCII 字符）：同一账号以同一键重发同一请求（无论是否并发），命令只执行一次，" +
                    "重发得到与首次完全相同的应答；同一键用于不同请求时答复 422。键保存 24 小时（可配置），期满后同一键视为新的请求。",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeys.MaxKeyLength },
            });
        }
        return Task.CompletedTask;
    }
}
