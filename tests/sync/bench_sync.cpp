// SPDX-License-Identifier: GPL-3.0-or-later
// The USB link's figures: a 128-preset bank pushed and verified, pulled back, and the
// shipped model uploaded, to a neurorack-runtime over a pseudo-terminal cable (PtyLink);
// time, throughput and bytes on the wire against payload bytes. Prints; never fails on
// timing.
#include "ptylink.h"
#include "runtimeprocess.h"
#include "testsupport.h"

#include "engine/impactengine.h"
#include "io/documentcodec.h"
#include "io/documentfile.h"
#include "protocol/deviceclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <QCoro/QCoroTask>

#include <algorithm>
#include <cstdio>

using namespace neurorack;

namespace {
double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values.at(values.size() / 2);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    PtyLink link(dir.path());
    if (!link.open())
        return 1;
    RuntimeProcess runtime(dir.filePath(QStringLiteral("data")), QStringLiteral("null"));
    if (!runtime.start({QStringLiteral("--serial"), link.modulePath()}) || !runtime.waitForLog("serving the sync protocol")) {
        std::fprintf(stderr, "bench_sync: the runtime does not start:\n%s\n", runtime.log().constData());
        return 1;
    }
    DeviceClient client;
    if (!QCoro::waitFor(client.open(link.hostPath()))) {
        std::fprintf(stderr, "bench_sync: no HELLO\n");
        return 1;
    }

    const Bank bank = test::randomBank(77, 128);
    const QByteArray wireBank = DocumentFile::serialize(DocumentCodec::encodeBank(bank), Encoding::Cbor);
    const QByteArray jsonBank = DocumentFile::serialize(DocumentCodec::encodeBank(bank), Encoding::Json);
    const QByteArray model = *DocumentFile::readFile(ImpactEngine::defaultModelPath());
    constexpr int kRuns = 5;

    std::printf("USB sync over a pty (neurorack-runtime, sim panel, null audio), median of %d runs\n", kRuns);
    std::printf("bank: 128 presets, %lld bytes as CBOR on the wire (%lld as JSON)\n", qint64(wireBank.size()), qint64(jsonBank.size()));
    QList<double> pushMs, pullMs, modelMs;
    double pushWire = 0, pullWire = 0, modelWire = 0;
    for (int run = 0; run < kRuns; ++run) {
        const auto before = client.stats();
        QElapsedTimer timer;
        timer.start();
        // A new name each run: nothing staged to resume from.
        const auto pushed = QCoro::waitFor(client.pushBank(QStringLiteral("bench-%1.json").arg(run), bank, false));
        pushMs << timer.nsecsElapsed() / 1e6;
        const auto afterPush = client.stats();
        timer.restart();
        const auto pulled = QCoro::waitFor(client.pullBank(QStringLiteral("bench-%1.json").arg(run)));
        pullMs << timer.nsecsElapsed() / 1e6;
        const auto afterPull = client.stats();
        timer.restart();
        // Different bytes each run (the module would otherwise find nothing new to stage).
        QByteArray variant = model;
        const auto uploaded = QCoro::waitFor(client.push(TransferKind::Model, QStringLiteral("bench-%1.pt").arg(run), variant, false));
        modelMs << timer.nsecsElapsed() / 1e6;
        const auto afterModel = client.stats();
        if (!pushed || !pulled || !(*pulled == bank) || !uploaded) {
            std::fprintf(stderr, "bench_sync: a transfer failed: %s\n",
                         qPrintable(!pushed ? pushed.error().message : !pulled ? pulled.error().message : !uploaded ? uploaded.error().message : QStringLiteral("bank differs")));
            return 1;
        }
        pushWire = double(afterPush.bytesSent + afterPush.bytesReceived - before.bytesSent - before.bytesReceived) / wireBank.size();
        pullWire = double(afterPull.bytesSent + afterPull.bytesReceived - afterPush.bytesSent - afterPush.bytesReceived) / wireBank.size();
        modelWire = double(afterModel.bytesSent + afterModel.bytesReceived - afterPull.bytesSent - afterPull.bytesReceived) / model.size();
    }
    const auto mbps = [](qint64 bytes, double ms) { return bytes / 1048576.0 / (ms / 1000.0); };
    std::printf("  push and verify 128-preset bank   %8.1f ms   %6.1f MB/s   wire/payload %.3f   (target <= 1000 ms)\n", median(pushMs),
                mbps(wireBank.size(), median(pushMs)), pushWire);
    std::printf("  pull 128-preset bank              %8.1f ms   %6.1f MB/s   wire/payload %.3f\n", median(pullMs), mbps(wireBank.size(), median(pullMs)), pullWire);
    std::printf("  upload model (%lld bytes)       %8.1f ms   %6.1f MB/s   wire/payload %.3f   (includes the module loading and running it)\n",
                qint64(model.size()), median(modelMs), mbps(model.size(), median(modelMs)), modelWire);
    std::printf("  retransmissions: %d\n", client.stats().retransmissions);
    client.close();
    runtime.stop();
    return 0;
}
