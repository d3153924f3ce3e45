using System.IO.Compression;
using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Materials;

public enum MaterialFileType
{
    Pdf = 0,
    Docx = 1,
    Xlsx = 2,
    Png = 3,
    Jpeg = 4,
}

/// <summary>
/// KZRU-13 materials: the type is decided by the content, never by the file name. PDF, DOCX,
/// XLSX (OOXML zip packages with the right main part), PNG and JPEG are accepted.
/// </summary>
public static class FileTypes
{
    public static string ContentType(MaterialFileType type) => type switch
    {
        MaterialFileType.Pdf => "application/pdf",
        MaterialFileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        MaterialFileType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        MaterialFileType.Png => "image/png",
        MaterialFileType.Jpeg => "image/jpeg",
        _ => "application/octet-stream",
    };

    public static string Extension(MaterialFileType type) => type switch
    {
        MaterialFileType.Pdf => ".pdf",
        MaterialFileType.Docx => ".docx",
        MaterialFileType.Xlsx => ".xlsx",
        MaterialFileType.Png => ".png",
        MaterialFileType.Jpeg => ".jpg",
        _ => ".bin",
    };

    /// <summary>Returns the type the bytes really are, or throws a refusal citing the Interstate Commission's rule (KZRU-13).</summary>
    public static MaterialFileType Detect(ReadOnlySpan<byte> content) => Detect(content, Regulation.Profiles.Kzru.RuleOnMaterials());

    /// <summary>Returns the type the bytes really are, or throws a refusal naming what is accepted and citing the commission's rule on materials.</summary>
    public static MaterialFileType Detect(ReadOnlySpan<byte> content, Regulation.RuleRef rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (content.StartsWith("%PDF-"u8))
        {
            return MaterialFileType.Pdf;
        }

        if (content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return MaterialFileType.Png;
        }

        if (content.Length > 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return MaterialFileType.Jpeg;
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            var ooxml = DetectOfficePackage(content.ToArray());
            if (ooxml is not null)
            {
                return ooxml.Value;
            }
        }

        throw new RuleViolationException(rule.Id, "Rule.Materials.Type",
            "{0} (Regulation {1}): session materials are accepted as PDF, DOCX, XLSX, PNG or JPEG; this file's content is none of them.", rule.Id, rule.Clause);
    }

    private static MaterialFileType? DetectOfficePackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            if (names.Contains("word/document.xml"))
            {
                return MaterialFileType.Docx;
            }

            if (names.Contains("xl/workbook.xml"))
            {
                return MaterialFileType.Xlsx;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
