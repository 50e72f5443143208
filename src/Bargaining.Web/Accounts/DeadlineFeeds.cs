using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Bargaining.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Bargaining.Web.Accounts;

/// <summary>
/// An account's personal deadline feed (<see cref="Features.Rounds.Views.DeadlineCalendar"/>): a secret address, shown
/// once when made, that a phone's calendar reads without signing in. Only the token's SHA-256 is kept (in Identity's
/// user tokens), so the address cannot be read back from the database; making a new address or stopping the feed
/// revokes the old one at once.
/// </summary>
public sealed class DeadlineFeeds(UserManager<Account> users, SignInManager<Account> signIn, TimeProvider clock)
{
    private const string Provider = "Bargaining", TokenName = "DeadlineFeed";

    /// <summary>The feed's path for <paramref name="userId"/> and <paramref name="token"/>.</summary>
    public static string Path(string userId, string token) => $"/api/calendar/{Uri.EscapeDataString(userId)}/{token}.ics";

    /// <summary>The absolute address of <paramref name="path"/> on the host <paramref name="request"/> came to.</summary>
    public static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}";

    /// <summary>A new secret address for <paramref name="userId"/> (its path), replacing any earlier one.</summary>
    public async Task<string> CreateAsync(string userId)
    {
        var account = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"no account {userId}");
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        Check(await users.SetAuthenticationTokenAsync(account, Provider, TokenName, Hash(token)));
        return Path(userId, token);
    }

    /// <summary>Stops the feed: its address answers 404 from now on.</summary>
    public async Task RevokeAsync(string userId)
    {
        var account = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"no account {userId}");
        Check(await users.RemoveAuthenticationTokenAsync(account, Provider, TokenName));
    }

    /// <summary>Whether <paramref name="userId"/> has a feed.</summary>
    public async Task<bool> IsActiveAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } account && await users.GetAuthenticationTokenAsync(account, Provider, TokenName) is not null;

    /// <summary>
    /// The account <paramref name="token"/> opens, as it would be signed in; null for an unknown account, a wrong or
    /// revoked token, or a locked account.
    /// </summary>
    public async Task<ClaimsPrincipal?> PrincipalAsync(string userId, string token)
    {
        if (await users.FindByIdAsync(userId) is not { } account) return null;
        if (await users.GetAuthenticationTokenAsync(account, Provider, TokenName) is not { } stored) return null;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(Hash(token)))) return null;
        if (account.LockoutEnd is { } until && until > clock.GetUtcNow()) return null;
        return await signIn.CreateUserPrincipalAsync(account);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
