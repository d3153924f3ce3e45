using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Commissions;

public sealed class Person
{
    private Person() { FullName = LocalizedText.Empty; }

    public Person(Guid id, LocalizedText fullName, string? email, string? phone, DateTimeOffset createdAt)
    {
        if (fullName.IsEmpty)
        {
            throw new ArgumentException("A person has a name.", nameof(fullName));
        }

        Id = id;
        FullName = fullName;
        Email = Normalize(email);
        Phone = Normalize(phone);
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public LocalizedText FullName { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public void Update(LocalizedText fullName, string? email, string? phone)
    {
        if (fullName.IsEmpty)
        {
            throw new ArgumentException("A person has a name.", nameof(fullName));
        }

        FullName = fullName;
        Email = Normalize(email);
        Phone = Normalize(phone);
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
