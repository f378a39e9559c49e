namespace Web.Barcodes;

/// <summary>The two symbologies on the lab's labels: Code 128 for laser and linear scanners, QR for phone cameras and 2D imagers.</summary>
public enum BarcodeSymbology
{
    Code128,
    QrCode,
}
