package ai.kinitro.desktop.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;

/** The themes the app offers, each backed by an AtlantaFX theme. */
public enum AppTheme {
  LIGHT("light", new PrimerLight()),
  DARK("dark", new PrimerDark());

  private final String key;
  private final Theme atlantaTheme;

  AppTheme(String key, Theme atlantaTheme) {
    this.key = key;
    this.atlantaTheme = atlantaTheme;
  }

  public String key() {
    return key;
  }

  Theme atlantaTheme() {
    return atlantaTheme;
  }

  public static AppTheme fromKey(String key) {
    return "dark".equals(key) ? DARK : LIGHT;
  }
}
