using Bargaining.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
WebApp.ConfigureServices(builder);
var app = builder.Build();
WebApp.Configure(app);
try
{
    await WebApp.InitializeAsync(app);
}
catch (Bargaining.Persistence.DatabaseNotGeneratedException e)
{
    // The demo switch pointed at a database with data of its own: nothing was deleted; say so and stop.
    Console.Error.WriteLine(e.Message);
    return 1;
}
app.Lifetime.ApplicationStarted.Register(() => WebApp.PrintWelcome(app, Console.Out));
await app.RunAsync();
return 0;

/// <summary>The web host's entry point (public for the HTTP tests' WebApplicationFactory).</summary>
public partial class Program;
