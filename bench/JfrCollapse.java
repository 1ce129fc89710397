import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Folds the CPU samples ({@code jdk.ExecutionSample}) of a JFR recording into collapsed stacks, one line per stack
 * ({@code thread;frame;frame count}), rooted at the thread's name with its numbers dropped, for a flame graph
 * ({@code bench/flamegraph.sh}).
 */
public class JfrCollapse {

	public static void main(String[] args) throws Exception {
		Map<String, Long> stacks = new TreeMap<>();
		for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			List<String> frames = new ArrayList<>();
			for (RecordedFrame frame : event.getStackTrace().getFrames()) {
				frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
			}
			Collections.reverse(frames);
			String thread = event.getThread("sampledThread") == null ? "?"
					: String.valueOf(event.getThread("sampledThread").getJavaName()).replaceAll("\\d+", "N");
			frames.add(0, thread.replace(';', ':'));
			stacks.merge(String.join(";", frames).replace(' ', '_'), 1L, Long::sum);
		}
		stacks.forEach((stack, count) -> System.out.println(stack + " " + count));
	}

}
