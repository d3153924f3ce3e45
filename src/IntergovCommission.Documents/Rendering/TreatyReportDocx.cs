using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace IntergovCommission.Documents.Rendering;

/// <summary>
/// The annual treaty report (WF-07) as an editable Word document (DOCX, DocumentFormat.OpenXml): the same annex 1 table as the PDF, so the
/// secretariat and the Ministry of Foreign Affairs can go on writing in it (field (11) is theirs).
/// </summary>
public static class TreatyReportDocx
{
    public static byte[] Write(TreatyReportDocument report)
    {
        TreatyReportComposer.Validate(report);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = string.Create(CultureInfo.InvariantCulture, $"Сведения об исполнении международного договора за {report.Year} год");
            doc.PackageProperties.Subject = report.Name.Ru;
            doc.PackageProperties.Creator = report.CommissionName.Ru;
            doc.PackageProperties.Language = "ru-RU";
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(
                Para(report.CommissionName.Kk, bold: true, center: true),
                Para(report.CommissionName.Ru, bold: true, center: true),
                Para(TreatyReportForm.Title.Kk, bold: true, center: true),
                Para(TreatyReportForm.Title.Ru, bold: true, center: true),
                Para(string.Create(CultureInfo.InvariantCulture, $"{report.Year} жыл үшін / за {report.Year} год; {TreatyReportForm.Date(report.Deadline)} кешіктірмей / не позднее {TreatyReportForm.Date(report.Deadline)}"), center: true),
                Para($"{TreatyReportForm.Date(report.AsOf)} жағдай бойынша / по состоянию на {TreatyReportForm.Date(report.AsOf)}", center: true));
            var table = new Table(new TableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
            table.Append(new TableGrid(new GridColumn { Width = "600" }, new GridColumn { Width = "3800" }, new GridColumn { Width = "5200" }));
            table.Append(Row(header: true, "№", $"{TreatyReportForm.RequisiteHeader.Kk}\n{TreatyReportForm.RequisiteHeader.Ru}", $"{TreatyReportForm.InformationHeader.Kk}\n{TreatyReportForm.InformationHeader.Ru}"));
            foreach (var line in TreatyReportForm.Lines(report))
            {
                table.Append(Row(header: false, line.Number.ToString(CultureInfo.InvariantCulture) + ".", $"{line.Requisite.Kk}\n{line.Requisite.Ru}", line.Information));
            }

            body.Append(table);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 850, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var tc = new TableCell();
            foreach (var line in cell.Split('\n'))
            {
                tc.Append(Para(line, bold: header));
            }

            row.Append(tc);
        }

        return row;
    }

    private static Paragraph Para(string text, bool bold = false, bool center = false)
    {
        var runProperties = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" }, new FontSize { Val = "22" });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        var paragraph = new Paragraph();
        if (center)
        {
            paragraph.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }
}
