package ai.kinitro.desktop.shell;

/** Style classes used by our views (AtlantaFX provides the rest). */
public final class StyleClasses {
  private StyleClasses() {}

  public static final String STATUS_BAR = "kinitro-status-bar";
  public static final String STATUS_TEXT = "kinitro-status-text";
  public static final String NOTICE = "kinitro-notice";
  public static final String FORM_ERROR = "kinitro-form-error";
}
