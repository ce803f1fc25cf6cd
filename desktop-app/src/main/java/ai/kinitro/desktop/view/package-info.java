/** Small view helpers shared by pages (tables with text columns, feedback labels, short keys). */
package ai.kinitro.desktop.view;
