using IntergovCommission.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

/// <summary>A <see cref="LocalizedText"/> is three nullable columns: name_kk, name_ru, name_en.</summary>
internal static class LocalizedTextMapping
{
    public static Action<ComplexPropertyBuilder<LocalizedText>> Configure(int maxLength) => b =>
    {
        b.Property(t => t.Kk).HasMaxLength(maxLength);
        b.Property(t => t.Ru).HasMaxLength(maxLength);
        b.Property(t => t.En).HasMaxLength(maxLength);
    };
}
