using System.IO.Compression;
using System.Text;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Materials;

namespace IntergovCommission.Domain.Tests.Materials;

public sealed class FileTypesTests
{
    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }

    public static TheoryData<byte[], MaterialFileType> Accepted => new()
    {
        { Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"), MaterialFileType.Pdf },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], MaterialFileType.Png },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46], MaterialFileType.Jpeg },
        { Zip("[Content_Types].xml", "word/document.xml"), MaterialFileType.Docx },
        { Zip("[Content_Types].xml", "xl/workbook.xml"), MaterialFileType.Xlsx },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Type_is_recognised_by_content(byte[] content, MaterialFileType expected) =>
        Assert.Equal(expected, FileTypes.Detect(content));

    public static TheoryData<byte[]> Refused => new()
    {
        Encoding.ASCII.GetBytes("MZ\u0090\0 this is an executable renamed to report.pdf"),
        Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"),
        Zip("readme.txt"),
        Zip("[Content_Types].xml", "ppt/presentation.xml"),
        Encoding.ASCII.GetBytes("PK\u0003\u0004 broken zip"),
        Array.Empty<byte>(),
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void File_of_another_type_is_refused_whatever_its_name_KZRU_13(byte[] content)
    {
        var ex = Assert.Throws<RuleViolationException>(() => FileTypes.Detect(content));
        Assert.Equal("KZRU-13", ex.RuleId);
    }
}
