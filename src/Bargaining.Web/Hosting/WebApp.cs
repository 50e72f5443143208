using Bargaining.Accounts;
using System.Text.Json.Serialization;
using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Web.Accounts;
using Bargaining.Workflows;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Hosting;

/// <summary>Settings of the web host (section <c>Bargaining</c> of the configuration, or command-line switches).</summary>
public sealed class WebOptions
{
    /// <summary><c>Sqlite</c> (the default) or <c>PostgreSql</c>.</summary>
    public string? DatabaseProvider { get; set; }

    /// <summary>The SQLite file; default <c>bargaining.db</c> in the current folder.</summary>
    public string Database { get; set; } = "bargaining.db";

    /// <summary>The PostgreSQL connection string, e.g. <c>Host=db;Database=bargaining;Username=bargaining;Password=…</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The database these settings choose.</summary>
    public DatabaseSettings DatabaseSettings() => Persistence.DatabaseSettings.From(DatabaseProvider, Database, ConnectionString, BusyTimeout);

    /// <summary>
    /// Seconds a write waits for the writers before it before the request is answered 503 with <c>Retry-After</c>
    /// (default 30; 1 to 600).
    /// </summary>
    public int BusyTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Recreate the database with the generated Yancheng demo and one account per role, and run the application's
    /// clock from the demo's simulated end onwards (see <see cref="DemoSeeder"/>).
    /// </summary>
    public bool Demo { get; set; }

    /// <summary>The <c>workflows/</c> folder; found automatically when empty.</summary>
    public string? Workflows { get; set; }

    /// <summary>The journal key as base64 text (from a secret store); see <see cref="BargainingOptions.JournalKey"/>.</summary>
    public string? JournalKey { get; set; }

    /// <summary>The journal key's file; by default <see cref="BargainingOptions.DefaultJournalKeyFile"/>.</summary>
    public string? JournalKeyFile { get; set; }

    /// <summary>
    /// The city union's organisation tree, imported on the first start and again on request; default
    /// <c>organisations.json</c> beside <c>workflows/</c> (see <see cref="BargainingOptions.OrganisationsFile"/>).
    /// </summary>
    public string? OrganisationsFile { get; set; }

    /// <summary>
    /// The address people reach the application at, e.g. https://jc.yczgh.example: the QR code of a printed contract
    /// opens <c>{PublicUrl}/Verify?code=…</c>. Without it the QR code holds the code and the SHA-256 only.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// On a database without a city administrator, creates one named <c>admin</c> with this password at start; ignored
    /// once one exists.
    /// </summary>
    public string? AdminPassword { get; set; }

    /// <summary>
    /// The reverse proxies (nginx) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed, as IP
    /// addresses separated by commas; loopback always is. Behind such a proxy serving HTTPS, the sign-in cookie is
    /// <c>Secure</c> and answers carry HSTS.
    /// </summary>
    public string? TrustedProxies { get; set; }

    /// <summary>A PKCS#12 (.pfx) file whose certificate signs every registered contract; none to leave them unsigned.</summary>
    public string? SigningCertificate { get; set; }

    /// <summary>The password of <see cref="SigningCertificate"/>.</summary>
    public string? SigningPassword { get; set; }

    /// <summary>
    /// Hours a command's idempotency key and answer are kept (default 24; 1 to 720): a repeat within them gets the
    /// first answer, a later one runs as a new request.
    /// </summary>
    public int IdempotencyKeyHours { get; set; } = 24;

    /// <summary><see cref="BusyTimeoutSeconds"/> as a span.</summary>
    public TimeSpan BusyTimeout => TimeSpan.FromSeconds(Math.Clamp(BusyTimeoutSeconds, 1, 600));

    /// <summary>How documents print under these settings.</summary>
    public Documents.Printing.PrintOptions PrintOptions() => new()
    {
        VerificationUrl = string.IsNullOrWhiteSpace(PublicUrl) ? null : PublicUrl.TrimEnd('/') + "/Verify?code={code}",
        Signature = string.IsNullOrWhiteSpace(SigningCertificate) ? null : new Documents.Rendering.PdfSignatureOptions
        {
            Certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(SigningCertificate, SigningPassword),
            Reason = "集体合同登记文本",
            Location = "盐城市",
        },
    };
}

/// <summary>Wires the web application: the bargaining services, accounts, pages, API and error mapping.</summary>
public static class WebApp
{
    /// <summary>Authorisation policy names, one per role.</summary>
    public static string Policy(Role role) => "role:" + role;

    /// <summary>Registers every service of the web host.</summary>
    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Bargaining").Get<WebOptions>() ?? new WebOptions();
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestLimits.Body;
        });
        services.AddSingleton(options);
        services.AddHttpContextAccessor();
        services.AddScoped<HttpCurrentUser>();
        services.AddScoped<ICurrentUserAccessor>(sp => sp.GetRequiredService<HttpCurrentUser>());
        var database = options.DatabaseSettings();
        var bargaining = new BargainingOptions(options.Workflows ?? BargainingOptions.FindWorkflowsDirectory(), database) { Print = options.PrintOptions(), JournalKey = options.JournalKey };
        if (!string.IsNullOrWhiteSpace(options.JournalKeyFile)) bargaining = bargaining with { JournalKeyFile = Path.GetFullPath(options.JournalKeyFile) };
        if (!string.IsNullOrWhiteSpace(options.OrganisationsFile)) bargaining = bargaining with { OrganisationsFile = Path.GetFullPath(options.OrganisationsFile) };
        services.AddSingleton(new Bargaining.Infrastructure.IdempotencyOptions { KeyLifetime = TimeSpan.FromHours(Math.Clamp(options.IdempotencyKeyHours, 1, 720)) });
        services.AddBargaining(bargaining, options.Demo ? new DemoClock() : null);

        // Sign-in cookies stay valid across restarts and across app instances: the keys that protect them are kept in
        // the database (table DataProtectionKeys), shared by every instance on it. With a certificate configured the
        // keys are also encrypted with it; without one (Linux has no DPAPI) the database's access rights are their
        // protection, which is why the framework's "unencrypted key" warning is turned down in appsettings.json.
        var protection = services.AddDataProtection().SetApplicationName("Bargaining").PersistKeysToDbContext<AccountsDbContext>();
        if (!string.IsNullOrWhiteSpace(options.SigningCertificate))
            protection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(options.SigningCertificate, options.SigningPassword));
        services.AddDbContext<AccountsDbContext>(b => b.UseDatabase(database, AccountsDbContext.MigrationsHistoryTable));
        services.AddIdentity<Account, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "bargaining.auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;   // Secure when served over HTTPS (or behind a proxy that does)
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 as ProblemDetails instead of redirecting to the sign-in page.
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = c => ApiOr(c, 401, () => c.Response.Redirect(c.RedirectUri)),
                OnRedirectToAccessDenied = c => ApiOr(c, 403, () => c.Response.Redirect(c.RedirectUri)),
            };
        });
        services.AddAuthorization(o =>
        {
            foreach (var role in Enum.GetValues<Role>())
                o.AddPolicy(Policy(role), p => p.RequireClaim(AccountClaims.RoleType, role.ToString()));
        });

        // Every ProblemDetails, also those ASP.NET writes itself (an unknown route, a bad body), is titled in Chinese.
        // Chinese is written into pages as characters, not as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            var status = c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode;
            if (c.ProblemDetails.Title is null || c.ProblemDetails.Type?.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal) == true)
            {
                c.ProblemDetails.Title = ProblemMapping.Title(status);
                c.ProblemDetails.Detail ??= status == StatusCodes.Status413PayloadTooLarge ? RequestLimits.TooLarge(c.HttpContext) : ProblemMapping.Title(status);
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Bargaining 集体协商 API";
            doc.Info.Description = "要约、回应、协商、职代会审议、签订、报送审查与生效的接口；错误均以 ProblemDetails 返回。";
            return Task.CompletedTask;
        }).AddDocumentTransformer<Api.RouteIdSchemas>().AddOperationTransformer<Api.IdempotencyKeyHeader>());
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AllowAnonymousToPage("/Verify");
            // A deputy's personal link is the authority (筹备在线上): no account, no sign-in.
            o.Conventions.AllowAnonymousToPage("/Deputy");
            o.Conventions.AuthorizeFolder("/Deputies", Policy(Role.UnionChair));
            // A visitor who is not signed in sees "not found" as such, not the sign-in page.
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AuthorizeFolder("/Admin", Policy(Role.CityAdministrator));
            o.Conventions.AuthorizeFolder("/City", Policy(Role.CityAdministrator));
            o.Conventions.AuthorizeFolder("/Review", Policy(Role.Reviewer));
        }).AddMvcOptions(o =>
        {
            // A field that cannot be read (letters in a number, an impossible date) is reported in Chinese too.
            var m = o.ModelBindingMessageProvider;
            m.SetValueIsInvalidAccessor(v => $"“{v}”不是有效的值");
            m.SetAttemptedValueIsInvalidAccessor((v, _) => $"“{v}”不是有效的值");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"“{v}”不是有效的值");
            m.SetUnknownValueIsInvalidAccessor(_ => "填写的值无效");
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效");
            m.SetValueMustBeANumberAccessor(_ => "请填写数字");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字");
            m.SetMissingBindRequiredValueAccessor(_ => "缺少必填项");
            m.SetMissingKeyOrValueAccessor(() => "缺少必填项");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "缺少请求内容");
            m.SetValueMustNotBeNullAccessor(_ => "不能为空");
        });
        services.AddScoped<DemoSeeder>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<DeadlineFeeds>();
        // E-mail: reminders queued in the outbox every quarter hour, the outbox sent when a mail server is configured.
        services.AddSingleton(builder.Configuration.GetSection("Mail").Get<Bargaining.Infrastructure.MailOptions>() ?? new Bargaining.Infrastructure.MailOptions());
        services.AddScoped<EmailReminders>();
        services.AddHostedService<Bargaining.Infrastructure.OutboxSender>();
        services.AddHostedService<DeadlineReminderSweeper>();
        services.AddScoped<MediatR.INotificationHandler<Features.Implementation.ObligationFoundUnmet>, UnmetObligationMail>();
        services.AddScoped<Features.Catalogue.IEnterpriseChairs, EnterpriseChairs>();
        services.AddSingleton<Pages.City.QualitySummaryCache>();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (options.TrustedProxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    /// <summary>The request pipeline and endpoints.</summary>
    public static void Configure(WebApplication app)
    {
        // The API answers a bare status (an unknown route, 405) with ProblemDetails; the pages with a Chinese error page,
        // also for a refused command or query, whose status the exception handler (inside) sets.
        app.UseForwardedHeaders();
        app.UseHsts();   // on HTTPS answers only, never to localhost
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.UseExceptionHandler();
        app.Use(SecurityHeaders);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(RequestKeys.ReadAsync);
        app.MapOpenApi();
        app.MapRazorPages();
        Api.Endpoints.Map(app);
    }

    /// <summary>
    /// Headers on every answer: scripts, styles, images and connections from this site only (the pages carry no
    /// inline script: their behaviours are in <c>wwwroot/js</c>; inline style attributes stay allowed), never framed,
    /// no MIME sniffing, no referrer to other sites.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        return next();
    }

    /// <summary>Prepares the database (and the demo when asked) before the host starts serving.</summary>
    public static async Task InitializeAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<WebOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        if (options.Demo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
            return;
        }
        await ApplicationDatabase.MigrateAsync(options.DatabaseSettings());
        var db = scope.ServiceProvider.GetRequiredService<BargainingDbContext>();
        await db.BackfillRoundProgressAsync();
        await Bargaining.Features.Calendars.HolidaySchedules.LoadAsync(db, app.Services.GetRequiredService<JurisdictionCatalog>());
        // Entries written before journal seals are sealed once, where their chains hold (trust on first use).
        var (sealedEntries, broken) = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().SealUnsealedAsync();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Bargaining.Journal");
        if (sealedEntries > 0) log.LogInformation("Sealed {Entries} journal entries written before seals", sealedEntries);
        if (broken.Count > 0) log.LogWarning("{Count} workflow journals do not verify and were left unsealed (first: {Instance}); run `bargaining verify`", broken.Count, broken[0]);
        // The organisation tree exists from the first start; the first administrator is created once from
        // Bargaining:AdminPassword, and creates every other account on 账号管理.
        if (!await db.Organisations.AnyAsync()) await ImportOrganisationsAsync(app.Services);
        var city = await db.Organisations.FirstAsync(o => o.Kind == OrganisationKind.City);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        if (string.IsNullOrEmpty(options.AdminPassword) || users.Users.Any(u => u.Role == Role.CityAdministrator)) return;
        var admin = new Account { UserName = "admin", DisplayName = "系统管理员", Role = Role.CityAdministrator, OrganisationId = city.Id, CreatedBy = "setup" };
        var created = await users.CreateAsync(admin, options.AdminPassword);
        if (!created.Succeeded)
            throw new InvalidOperationException("Bargaining:AdminPassword 不符合密码规则：" + string.Join("；", created.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// Imports the organisation file through the command, as the setup (nobody is signed in at start): with services of
    /// its own whose caller is fixed, as the demo does.
    /// </summary>
    private static async Task ImportOrganisationsAsync(IServiceProvider host)
    {
        var options = host.GetRequiredService<BargainingOptions>();
        await using var services = new ServiceCollection().AddLogging()
            .AddSingleton<ICurrentUserAccessor>(new FixedCurrentUser(new CurrentUser("setup", "系统初始化", Role.CityAdministrator, Guid.Empty)))
            .AddBargaining(options, host.GetRequiredService<TimeProvider>())
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(ImportOrganisationsCommand.FromFile(options.OrganisationsFile));
    }

    /// <summary>Prints where the application listens and, in demo mode, the demo accounts.</summary>
    public static void PrintWelcome(WebApplication app, TextWriter output)
    {
        var options = app.Services.GetRequiredService<WebOptions>();
        output.WriteLine();
        output.WriteLine($"Bargaining 集体协商 已启动，数据库 {options.DatabaseSettings().Describe()}");
        foreach (var url in app.Urls) output.WriteLine($"  打开 {url}");
        using var scope = app.Services.CreateScope();
        if (!options.Demo)
        {
            if (!scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Users.Any(u => u.Role == Role.CityAdministrator))
                output.WriteLine("  尚无市总工会管理员账号：以 --Bargaining:AdminPassword=<至少10位，含数字和小写字母> 启动一次，即创建管理员 admin");
            return;
        }
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Users.Where(u => u.CreatedBy == DemoSeeder.CreatedBy).ToList();
        output.WriteLine($"  演示时钟：{app.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(app.Services.GetRequiredService<JurisdictionCatalog>().Default.Time.UtcOffset):yyyy-MM-dd HH:mm}（北京时间，2026年春季要约行动结束时）");
        output.WriteLine($"  演示账号（密码均为 {DemoSeeder.Password}）：");
        foreach (var a in accounts.OrderBy(a => a.Role))
            output.WriteLine($"    {a.UserName,-12} {a.Role.Title()}  {a.DisplayName}");
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> c, int status, Action otherwise)
    {
        if (!c.Request.Path.StartsWithSegments("/api"))
        {
            otherwise();
            return Task.CompletedTask;
        }
        c.Response.StatusCode = status;
        return c.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = c.HttpContext, ProblemDetails = ProblemMapping.ForStatus(status) }).AsTask();
    }
}
