package ai.kinitro.desktop.chart;

import ai.kinitro.desktop.theme.AppTheme;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

/**
 * Gives every registered chart the colours of the current theme, and again whenever the theme
 * changes ({@link #apply}, wired to {@code ThemeManager.onChange} once in the app). The colours are
 * the Primer palette AtlantaFX's Primer themes use. Charts are held weakly, so a closed view's
 * chart does not leak. FX thread only.
 */
public final class ChartStyler {
  /** One theme's chart colours; {@code series} are used in order for the series of a plot. */
  public record Palette(Color background, Color text, Color grid, List<Color> series) {
    public Palette {
      series = List.copyOf(series);
    }
  }

  static final Palette LIGHT = new Palette(new Color(0xffffff), new Color(0x1f2328), new Color(0xd0d7de),
      List.of(new Color(0x0969da), new Color(0x1a7f37), new Color(0xbf8700), new Color(0x8250df)));
  static final Palette DARK = new Palette(new Color(0x0d1117), new Color(0xe6edf3), new Color(0x30363d),
      List.of(new Color(0x58a6ff), new Color(0x3fb950), new Color(0xd29922), new Color(0xbc8cff)));

  private final List<WeakReference<JFreeChart>> charts = new CopyOnWriteArrayList<>();
  private AppTheme theme;

  public ChartStyler(AppTheme initial) {
    this.theme = initial;
  }

  public static Palette paletteOf(AppTheme theme) {
    return switch (theme) {
      case LIGHT -> LIGHT;
      case DARK -> DARK;
    };
  }

  public AppTheme theme() {
    return theme;
  }

  /** Styles the chart now and on every later theme change. */
  public JFreeChart register(JFreeChart chart) {
    charts.add(new WeakReference<>(chart));
    style(chart, paletteOf(theme));
    return chart;
  }

  /** Restyles every live chart for {@code next}. */
  public void apply(AppTheme next) {
    theme = next;
    Palette p = paletteOf(next);
    charts.removeIf(ref -> ref.get() == null);
    charts.forEach(ref -> {
      JFreeChart chart = ref.get();
      if (chart != null) {
        style(chart, p);
      }
    });
  }

  static void style(JFreeChart chart, Palette p) {
    chart.setBackgroundPaint(p.background());
    chart.setAntiAlias(true);
    TextTitle title = chart.getTitle();
    if (title != null) {
      title.setPaint(p.text());
      title.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setBackgroundPaint(p.background());
      legend.setItemPaint(p.text());
    }
    if (chart.getPlot() instanceof XYPlot plot) {
      plot.setBackgroundPaint(p.background());
      plot.setOutlinePaint(p.grid());
      plot.setDomainGridlinePaint(p.grid());
      plot.setRangeGridlinePaint(p.grid());
      for (int i = 0; i < plot.getDomainAxisCount(); i++) {
        axis(plot.getDomainAxis(i), p.text());
      }
      int seriesIndex = 0;
      for (int i = 0; i < plot.getRangeAxisCount(); i++) {
        axis(plot.getRangeAxis(i), p.text());
      }
      for (int d = 0; d < plot.getDatasetCount(); d++) {
        XYItemRenderer renderer = plot.getRenderer(d);
        if (renderer == null || plot.getDataset(d) == null) {
          continue;
        }
        for (int s = 0; s < plot.getDataset(d).getSeriesCount(); s++) {
          Paint paint = p.series().get(seriesIndex++ % p.series().size());
          renderer.setSeriesPaint(s, paint);
          renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
      }
    }
  }

  private static void axis(Axis axis, Color text) {
    if (axis == null) {
      return;
    }
    axis.setLabelPaint(text);
    axis.setTickLabelPaint(text);
    axis.setAxisLinePaint(text);
    axis.setTickMarkPaint(text);
  }
}
