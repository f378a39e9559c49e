namespace Web.Barcodes;

/// <summary>The "Labels" section: label stock, image resolution and the Zebra printer's fonts.</summary>
public sealed class LabelOptions
{
    public const string Section = "Labels";

    /// <summary>Thermal label stock (also the single-label PNG and SVG). The layout is made for about 50 × 30 mm and up.</summary>
    public double WidthMm { get; set; } = 50;
    public double HeightMm { get; set; } = 30;

    /// <summary>Resolution of the single-label PNG.</summary>
    public double PngDpi { get; set; } = 300;

    /// <summary>Resolution of the thermal printer: ZPL is written in its dots, and the thermal PDF's bars sit on its dot grid.</summary>
    public double ThermalDpi { get; set; } = 203;

    /// <summary>
    /// The Zebra printer's font for Chinese (sample name, caption), as ZPL's ^A@ names it: a TrueType font stored on the
    /// printer, e.g. E:SIMSUN.TTF (SimSun downloaded to the printer's flash with ZebraNet Bridge or Zebra Setup
    /// Utilities) or the Asian font a printer ships with (e.g. E:ANMDS.TTF). The printer's built-in fonts have no
    /// Chinese: without this font the name prints as blanks or boxes.
    /// </summary>
    public string ZplCjkFont { get; set; } = "E:SIMSUN.TTF";

    /// <summary>Draw light dashed cutting guides between the labels of an A4 sheet (for plain paper; harmless on die-cut sheets).</summary>
    public bool SheetCutGuides { get; set; } = true;
}
