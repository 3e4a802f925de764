/**
 * The engine side of the GUI: one background engine thread ({@link gpufaas.views.run.EngineSession})
 * fed by a queue of {@link gpufaas.views.run.EngineCommand}s. Engine listener calls arrive on that
 * thread with live, mutable objects; {@link gpufaas.views.run.LiveTap} copies what the views need
 * into immutable records, and the session posts them to a {@link gpufaas.views.run.SnapshotMailbox}
 * under a lock with a dirty flag. The window's one frame timer drains the mailbox once per frame.
 * Nothing here touches the FX thread.
 */
package gpufaas.views.run;
