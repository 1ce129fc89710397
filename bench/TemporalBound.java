import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * What the Temporal server alone can do on this machine: starts {@code count} workflows of one no-op activity each
 * from 16 threads against {@code target} and reports starts/s and completions/s. The bound the booking workflow
 * (several activities and upserts a booking) can never beat. Started by bench/bound.sh.
 */
public class TemporalBound {

	@ActivityInterface
	public interface Noop {

		String touch(String id);

	}

	public static class NoopImpl implements Noop {

		@Override
		public String touch(String id) {
			return id;
		}

	}

	@WorkflowInterface
	public interface OneActivity {

		@WorkflowMethod
		String run(String id);

	}

	public static class OneActivityImpl implements OneActivity {

		private final Noop noop = Workflow.newActivityStub(Noop.class,
				ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

		@Override
		public String run(String id) {
			return noop.touch(id);
		}

	}

	public static void main(String[] args) throws Exception {
		String target = args[0];
		int count = Integer.parseInt(args[1]);
		WorkflowServiceStubs service = WorkflowServiceStubs
			.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
		WorkflowClient client = WorkflowClient.newInstance(service);
		WorkerFactory factory = WorkerFactory.newInstance(client);
		String queue = "bound-" + System.nanoTime();
		var worker = factory.newWorker(queue);
		worker.registerWorkflowImplementationTypes(OneActivityImpl.class);
		worker.registerActivitiesImplementations(new NoopImpl());
		factory.start();
		for (int round = 0; round < 2; round++) {
			// Round 0 warms the JIT and the server; round 1 is reported.
			int n = round == 0 ? Math.max(100, count / 10) : count;
			ExecutorService starters = Executors.newFixedThreadPool(16);
			List<CompletableFuture<String>> results = new ArrayList<>();
			long begin = System.nanoTime();
			List<Future<CompletableFuture<String>>> started = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				String id = queue + "-" + round + "-" + i;
				started.add(starters.submit(() -> {
					OneActivity wf = client.newWorkflowStub(OneActivity.class,
							WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(id).build());
					WorkflowClient.start(wf::run, id);
					return WorkflowClient.newInstance(service)
						.newUntypedWorkflowStub(id)
						.getResultAsync(String.class);
				}));
			}
			for (var f : started) {
				results.add(f.get());
			}
			long startsDone = System.nanoTime();
			CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get();
			long end = System.nanoTime();
			starters.shutdown();
			if (round == 1) {
				System.out.printf("workflows %d, starts/s %.0f, completed/s %.0f (one no-op activity each)%n", n,
						n / ((startsDone - begin) / 1e9), n / ((end - begin) / 1e9));
			}
		}
		factory.shutdownNow();
		service.shutdownNow();
		System.exit(0);
	}

}
