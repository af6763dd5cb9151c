// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: the impact engine with the shipped model, through LibTorch as the runtime
// and Studio use it. Prints render speed (one thread and all threads), load time and
// peak memory. Never fails on timing.
#include "engine/impactengine.h"
#include "model/factory.h"
#include "model/framegrid.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <cstdio>

using namespace neurorack;

namespace {

long peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString path = argc > 1 ? QString::fromLocal8Bit(argv[1]) : ImpactEngine::defaultModelPath();
    if (path.isEmpty()) {
        std::printf("bench_engine: no model found (pass a path or set NEURORACK_MODEL); nothing measured\n");
        return 0;
    }
    ImpactEngine engine(ImpactEngine::Device::Cpu);
    const long rssBefore = peakRssKb();
    QElapsedTimer timer;
    timer.start();
    const auto info = engine.load(path);
    const double loadMs = timer.nsecsElapsed() / 1e6;
    if (!info) {
        std::printf("bench_engine: %s\n", qPrintable(info.errorString()));
        return 0;
    }
    std::printf("Impact engine, %s %s (%lld parameters), on the CPU\n", qPrintable(info->name), qPrintable(info->version),
                static_cast<long long>(info->parameters));
    std::printf("  load and validate (with a test render): %.0f ms\n", loadMs);

    // One second of a factory kick, resampled to 200 frames.
    const DescriptorCurves curves = Factory::bank()->preset(0)->curves.resampled(grid::kFrameRate);
    const int cores = QThread::idealThreadCount();
    for (const int threads : {1, cores}) {
        ImpactEngine::setThreads(threads);
        engine.render(curves, 1); // warm-up
        const int repeats = 30;
        timer.restart();
        for (int r = 0; r < repeats; ++r)
            engine.render(curves, quint64(r));
        const double ms = timer.nsecsElapsed() / 1e6 / repeats;
        std::printf("  render 1 s of 48 kHz audio, %d thread(s): %6.2f ms  (%5.0fx real time; target <= 10 ms on one core)\n",
                    threads, ms, 1000.0 / ms);
    }
    std::printf("  peak memory: %.0f MB (%.0f MB before loading the model)\n", peakRssKb() / 1024.0, rssBefore / 1024.0);
    return 0;
}
