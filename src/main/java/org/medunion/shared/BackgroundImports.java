package org.medunion.shared;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * A module's import jobs as a bean (decision 0268): its {@link ImportJobRunner} sweeps the jobs a restart interrupted
 * before the server takes requests, and stops its worker with the context. The module's subclass keeps its checks, its
 * writes and its views, and reaches the runner as {@link #runner}.
 */
public abstract class BackgroundImports implements SmartInitializingSingleton, DisposableBean {

    protected final ImportJobRunner runner;

    protected BackgroundImports(ImportJobRunner runner) {
        this.runner = runner;
    }

    /** Before the server takes requests: jobs left waiting or running by the last run were interrupted. */
    @Override
    public void afterSingletonsInstantiated() {
        runner.sweep();
    }

    /** The start-up sweep itself, for the tests: how many jobs it marked. */
    public int markInterrupted() {
        return runner.markInterrupted();
    }

    @Override
    public void destroy() {
        runner.shutdown();
    }
}
