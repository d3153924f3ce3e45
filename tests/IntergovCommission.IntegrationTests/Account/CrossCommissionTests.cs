using IntergovCommission.Domain.Commissions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Admin;
using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Features.People;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Account;

/// <summary>
/// Person ids are public (the verification page names signers). A secretary of another commission may
/// neither pull a person of this commission into theirs nor read that person's contacts; an administrator links.
/// </summary>
public sealed class CrossCommissionTests
{
    [Fact]
    public async Task A_secretary_of_another_commission_cannot_appoint_a_person_of_this_one_nor_read_their_contacts()
    {
        await using var app = await TestApp.CreateAsync();
        var other = await OtherCommissionWithSecretaryAsync(app, "other.secretary");
        var kzMemberPerson = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.member").Select(u => u.PersonId!.Value).SingleAsync());
        var memberships = await app.QueryAsync(db => db.Memberships.CountAsync());

        var appoint = NewMembership(other.CommissionId, other.KzSideId, kzMemberPerson);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("other.secretary", appoint));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("other.secretary", new GetPerson.Query(kzMemberPerson)));
        Assert.Equal(memberships, await app.QueryAsync(db => db.Memberships.CountAsync()));

        // The KZ secretary of the person's own commission sees the contacts.
        var own = await app.SendAsAsync("kz.secretary", new GetPerson.Query(kzMemberPerson));
        Assert.True(own.ContactsVisible);

        // An administrator links the person; then the other commission's secretary sees them as one of theirs.
        await app.SendAsAsync("admin", NewMembership(other.CommissionId, other.KzSideId, kzMemberPerson));
        var linked = await app.SendAsAsync("other.secretary", new GetPerson.Query(kzMemberPerson));
        Assert.True(linked.ContactsVisible);
        Assert.All(linked.Memberships, m => Assert.Equal(other.CommissionId, m.CommissionId));
    }

    internal sealed record OtherCommission(Guid CommissionId, Guid KzSideId);

    /// <summary>A second commission (same profile) whose KZ side has a secretary with the given sign-in.</summary>
    internal static async Task<OtherCommission> OtherCommissionWithSecretaryAsync(TestApp app, string userName)
    {
        var profileId = await AdministrationTests.ProfileIdAsync(app);
        var commissionId = await app.SendAsAsync("admin", CommissionCreationTests.ValidCommission("OTHER", profileId));
        var kzSide = await app.QueryAsync(db => db.Sides.Where(s => s.CommissionId == commissionId && s.Code == "KZ").Select(s => s.Id).SingleAsync());
        var secretary = NewMembership(commissionId, kzSide, null);
        secretary.Role = CommissionRole.Secretary;
        secretary.FullNameRu = "Секретарь Другой Комиссии";
        var membershipId = await app.SendAsAsync("admin", secretary);
        var personId = await app.QueryAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.PersonId).SingleAsync());
        await app.SendAsAsync("admin", new CreateUser.Command { UserName = userName, DisplayName = "Секретарь Другой Комиссии", PersonId = personId, InitialPassword = "Other-Password-2026" });
        return new OtherCommission(commissionId, kzSide);
    }

    private static AddMembership.Command NewMembership(Guid commissionId, Guid sideId, Guid? personId) => new()
    {
        CommissionId = commissionId,
        SideId = sideId,
        Role = CommissionRole.Member,
        ExistingPersonId = personId,
        FullNameRu = personId is null ? "Новое Лицо" : null,
        PositionRu = "Эксперт",
        OrganisationRu = "Аэрокосмический комитет",
        AppointingAuthorityRu = "Правительство Республики Казахстан",
        AppointingActNumber = "№ 7",
        AppointingActDate = DateOnly.FromDateTime(DateTime.UtcNow),
        TermStart = DateOnly.FromDateTime(DateTime.UtcNow),
    };
}
