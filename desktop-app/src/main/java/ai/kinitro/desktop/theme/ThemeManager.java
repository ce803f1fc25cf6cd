package ai.kinitro.desktop.theme;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.application.Application;

/**
 * The one owner of the look of the app: it applies the AtlantaFX user-agent stylesheet and tells
 * listeners (charts, which do not read CSS) when the theme changes. FX thread only.
 */
public final class ThemeManager {
  private final List<Consumer<AppTheme>> listeners = new CopyOnWriteArrayList<>();
  private AppTheme current = AppTheme.LIGHT;

  public AppTheme current() {
    return current;
  }

  public void apply(AppTheme theme) {
    current = theme;
    Application.setUserAgentStylesheet(theme.atlantaTheme().getUserAgentStylesheet());
    listeners.forEach(l -> l.accept(theme));
  }

  public void onChange(Consumer<AppTheme> listener) {
    listeners.add(listener);
  }
}
