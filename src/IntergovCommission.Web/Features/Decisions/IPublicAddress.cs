namespace IntergovCommission.Web.Features.Decisions;

/// <summary>
/// The public address of the application (ending in "/"), for the links printed in documents (the
/// verification URL and its QR code). Use cases never read the HTTP request: the web layer implements this.
/// </summary>
public interface IPublicAddress
{
    Uri BaseUri { get; }
}
