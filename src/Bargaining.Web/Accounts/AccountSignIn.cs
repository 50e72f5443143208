using Bargaining.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Bargaining.Web.Accounts;

/// <summary>
/// Sign-in for the page and the API alike, telling an outsider nothing about which user names exist: an unknown name,
/// a wrong password and a locked account get the same answer (<see cref="Refusal"/>) after the same work — a password
/// hash is checked every time, so an unknown name does not answer in a fortieth of the time. Five failures lock an
/// account for 15 minutes (the Identity options in <c>WebApp</c>).
/// </summary>
public sealed class AccountSignIn(UserManager<Account> users, SignInManager<Account> signIn, IPasswordHasher<Account> hasher)
{
    /// <summary>The one answer to every failed sign-in.</summary>
    public const string Refusal = "用户名或密码错误（连续输错 5 次的账号将锁定 15 分钟）";

    private static readonly Account Nobody = new() { UserName = "nobody" };
    private static string? _nobodysHash;

    /// <summary>Signs in and sets the cookie; false for any failure.</summary>
    public async Task<bool> SignInAsync(string? userName, string? password)
    {
        var account = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (account is null || await users.IsLockedOutAsync(account))
        {
            // The work a real check does, whose result does not matter.
            _nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Nobody, _nobodysHash, password ?? "");
            return false;
        }
        return (await signIn.PasswordSignInAsync(account, password ?? "", isPersistent: false, lockoutOnFailure: true)).Succeeded;
    }
}
