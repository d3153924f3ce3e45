using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.ToTable("search_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(16).IsRequired();
        builder.Property(e => e.Number).HasMaxLength(64);
        builder.Property(e => e.TitleRu).HasColumnType("text").IsRequired();
        builder.Property(e => e.TitleKk).HasColumnType("text").IsRequired();
        builder.Property(e => e.TitleEn).HasColumnType("text").IsRequired();
        builder.Property(e => e.Body).HasColumnType("text").IsRequired();
        builder.Property(e => e.Document).HasColumnType("tsvector").IsRequired();
        builder.HasIndex(e => e.Document).HasMethod("gin");
        builder.HasIndex(e => new { e.CommissionId, e.Year });
        builder.HasIndex(e => e.SessionId);
        builder.HasIndex(e => e.AgendaItemId);
    }
}

public sealed class MaterialTextConfiguration : IEntityTypeConfiguration<MaterialText>
{
    public void Configure(EntityTypeBuilder<MaterialText> builder)
    {
        builder.ToTable("material_texts");
        builder.HasKey(t => t.MaterialId);
        builder.Property(t => t.MaterialId).ValueGeneratedNever();
        builder.Property(t => t.Text).HasColumnType("text").IsRequired();
        builder.Property(t => t.Outcome).HasMaxLength(16).IsRequired();
        builder.HasOne<Material>().WithOne().HasForeignKey<MaterialText>(t => t.MaterialId).OnDelete(DeleteBehavior.Cascade);
    }
}
