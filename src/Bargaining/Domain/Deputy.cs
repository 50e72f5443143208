namespace Bargaining.Domain;

/// <summary>
/// A workers' deputy (职工代表) on an enterprise's roster. The roster belongs to the enterprise and is kept from one
/// congress to the next; the union chair keeps it. Deputies are invited to read and comment on a draft before the
/// congress meets (<see cref="Consultation"/>, 筹备在线上，表决在线下).
/// </summary>
public sealed class Deputy
{
    private Deputy() { }

    /// <summary>A deputy of <paramref name="enterpriseId"/>.</summary>
    public Deputy(Guid enterpriseId, string name, string constituency, string? contact, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        EnterpriseId = enterpriseId;
        Edit(name, constituency, contact);
    }

    public Guid Id { get; private set; }
    public Guid EnterpriseId { get; private set; }
    /// <summary>The deputy's name.</summary>
    public string Name { get; private set; } = "";
    /// <summary>The constituency (选区) or workshop that elected the deputy.</summary>
    public string Constituency { get; private set; } = "";
    /// <summary>A phone number or e-mail address, for the chair to send the personal link.</summary>
    public string? Contact { get; private set; }

    /// <summary>Changes the deputy's details.</summary>
    public void Edit(string name, string constituency, string? contact)
    {
        Name = name.Trim();
        Constituency = constituency.Trim();
        Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
    }
}
