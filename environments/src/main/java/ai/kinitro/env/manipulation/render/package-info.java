/**
 * A small software 3D rasterizer for the manipulation suite: triangle meshes for boxes, cylinders
 * and spheres, look-at cameras with perspective projection and near-plane clipping, a z-buffer
 * and flat Lambert shading. Pure Java, deterministic, no native code and no display needed.
 */
package ai.kinitro.env.manipulation.render;
