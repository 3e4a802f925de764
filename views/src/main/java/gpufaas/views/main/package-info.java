/**
 * The workbench window: menus with shortcuts, the experiment and teaching panels on the left, the
 * Live, Latency, Compare and Decisions tabs in the centre, the transport bar at the bottom, and the
 * one frame timer that drains the engine's mailbox once per frame and hands each view model its
 * part. Also the settings remembered between sessions, frame-time statistics and PNG export.
 */
package gpufaas.views.main;
