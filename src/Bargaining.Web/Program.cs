using Bargaining.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
WebApp.ConfigureServices(builder);
var app = builder.Build();
WebApp.Configure(app);
await WebApp.InitializeAsync(app);
app.Lifetime.ApplicationStarted.Register(() => WebApp.PrintWelcome(app, Console.Out));
await app.RunAsync();

/// <summary>The web host's entry point (public for the HTTP tests' WebApplicationFactory).</summary>
public partial class Program;
