/**
 * How the views look beyond CSS: the theme and font scale that canvases and charts read
 * ({@link gpufaas.views.style.ViewStyle}), and the styling of JFreeChart charts
 * ({@link gpufaas.views.style.ChartStyle}).
 */
package gpufaas.views.style;
