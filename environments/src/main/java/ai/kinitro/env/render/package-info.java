/**
 * A small software 2D rasterizer ({@link ai.kinitro.env.render.Canvas2D}): filled polygons,
 * circles and thick lines in scene coordinates, drawn into an RGB image of any size. The classic
 * control tasks draw themselves with it. No AWT, so it runs headless and gives the same pixels on
 * every machine.
 */
package ai.kinitro.env.render;
