// SPDX-License-Identifier: GPL-3.0-or-later
// The impact engine: loading and validating models, each way a model file can be
// wrong (the previous model kept), output shape, determinism, threads.
#include "engine/impactengine.h"
#include "model/factory.h"
#include "model/framegrid.h"

#include <QDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>

using namespace neurorack;

namespace {

QString model(const char *name)
{
    return QStringLiteral(NEURORACK_BINARY_DIR "/test-models/") + QLatin1String(name);
}

} // namespace

class tst_Engine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsAValidModel()
    {
        ImpactEngine engine(ImpactEngine::Device::Cpu);
        QVERIFY(!engine.hasModel());
        QVERIFY(!engine.render(DescriptorCurves(10)).ok()); // no model yet: an error, not a crash
        const auto info = engine.load(model("valid.pt"));
        QVERIFY2(info.ok(), qPrintable(info.errorString()));
        QCOMPARE(info->name, QStringLiteral("Test Model"));
        QCOMPARE(info->version, QStringLiteral("0.0.1"));
        QCOMPARE(info->device, QStringLiteral("cpu"));
        QCOMPARE(info->descriptors, descriptorKeys());
        QVERIFY(info->parameters > 1000);
        QVERIFY(engine.hasModel());
    }

    void rendersTheRightLength_data()
    {
        QTest::addColumn<int>("frames");
        QTest::addRow("one frame") << 1;
        QTest::addRow("a kick") << 120;
        QTest::addRow("ten seconds") << 2000;
    }
    void rendersTheRightLength()
    {
        ImpactEngine engine(ImpactEngine::Device::Cpu);
        QVERIFY(engine.load(model("valid.pt")).ok());
        QFETCH(int, frames);
        const DescriptorCurves curves = Factory::bank()->preset(0)->curves.resampled(frames);
        const auto audio = engine.render(curves, 1);
        QVERIFY2(audio.ok(), qPrintable(audio.errorString()));
        QCOMPARE(audio->size(), std::size_t(frames) * grid::kHopLength);
        for (const float v : *audio)
            QVERIFY(std::isfinite(v));
    }

    void deterministicWithASeed()
    {
        ImpactEngine engine(ImpactEngine::Device::Cpu);
        QVERIFY(engine.load(model("valid.pt")).ok());
        const DescriptorCurves curves = Factory::bank()->preset(4)->curves; // a snare: noise matters
        const auto a = engine.render(curves, 42);
        const auto b = engine.render(curves, 42);
        const auto c = engine.render(curves, 43);
        QCOMPARE(*a, *b);
        QVERIFY(*a != *c);
    }

    void brokenModelsAreRefusedAndThePreviousKept_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::addRow("missing") << QStringLiteral("missing.pt") << QStringLiteral("no such model file");
        QTest::addRow("not a model") << QStringLiteral("not-a-model.pt") << QStringLiteral("not a TorchScript model");
        QTest::addRow("truncated") << QStringLiteral("truncated.pt") << QStringLiteral("not a TorchScript model");
        QTest::addRow("no metadata") << QStringLiteral("no-metadata.pt") << QStringLiteral("has no neurorack.json metadata");
        QTest::addRow("other hop") << QStringLiteral("wrong-hop.pt") << QStringLiteral("hop_length 256 is not 240");
        QTest::addRow("newer format") << QStringLiteral("newer-format.pt") << QStringLiteral("version 2 is not supported");
        QTest::addRow("descriptor order") << QStringLiteral("wrong-descriptors.pt") << QStringLiteral("are not Neurorack's seven in order");
        QTest::addRow("NaN output") << QStringLiteral("nan-output.pt") << QStringLiteral("fails its test render: the model produced NaN");
        QTest::addRow("short output") << QStringLiteral("short-output.pt") << QStringLiteral("expected [1, 1, 9600]");
        QTest::addRow("throws") << QStringLiteral("throws.pt") << QStringLiteral("fails its test render: the model failed");
    }
    void brokenModelsAreRefusedAndThePreviousKept()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        ImpactEngine engine(ImpactEngine::Device::Cpu);
        QVERIFY(engine.load(model("valid.pt")).ok());
        const auto result = engine.load(QStringLiteral(NEURORACK_BINARY_DIR "/test-models/") + file);
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(message), qPrintable(result.errorString()));
        QVERIFY2(result.errorString().contains(file), "the message names the file");
        QCOMPARE(engine.model()->name, QStringLiteral("Test Model")); // the previous model stays
        QVERIFY(engine.render(DescriptorCurves(20), 0).ok());
    }

    void shippedModelsRenderTheFactoryBank()
    {
        // Every model under models/ loads, validates and plays every factory preset:
        // sound (not silence), no clipping, no NaN.
        const QDir models(QStringLiteral(NEURORACK_SOURCE_DIR "/models"));
        const QStringList files = models.entryList({QStringLiteral("*.pt")}, QDir::Files);
        QVERIFY2(!files.isEmpty(), "no shipped model in models/");
        const auto bank = Factory::bank();
        for (const QString &file : files) {
            ImpactEngine engine(ImpactEngine::Device::Cpu);
            const auto info = engine.load(models.filePath(file));
            QVERIFY2(info.ok(), qPrintable(info.errorString()));
            QVERIFY(!info->licence.isEmpty());
            for (const int slot : bank->filledSlots()) {
                const auto audio = engine.render(bank->preset(slot)->curves, 1);
                QVERIFY2(audio.ok(), qPrintable(audio.errorString()));
                float peak = 0.0f;
                for (const float v : *audio)
                    peak = std::max(peak, std::abs(v));
                const QString what = file + QStringLiteral(" slot ") + QString::number(slot);
                QVERIFY2(peak > 0.01f, qPrintable(what + QStringLiteral(": silent")));
                QVERIFY2(peak < 1.0f, qPrintable(what + QStringLiteral(": clips")));
            }
        }
    }

    void cudaWithoutCudaIsAClearError()
    {
        ImpactEngine engine(ImpactEngine::Device::Cuda);
        const auto result = engine.load(model("valid.pt"));
        if (result.ok())
            QSKIP("this machine has CUDA: nothing to refuse");
        QVERIFY(result.errorString().contains(QStringLiteral("no CUDA device")));
    }

    void safeFromWorkerThreads()
    {
        ImpactEngine engine(ImpactEngine::Device::Cpu);
        QVERIFY(engine.load(model("valid.pt")).ok());
        const DescriptorCurves curves = Factory::bank()->preset(2)->curves;
        const auto reference = engine.render(curves, 5);
        std::vector<std::thread> threads;
        std::atomic<int> same{0};
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 3; ++i) {
                    const auto audio = engine.render(curves, 5);
                    if (audio.ok() && *audio == *reference)
                        ++same;
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(same.load(), 12);
    }
};

QTEST_GUILESS_MAIN(tst_Engine)
#include "tst_engine.moc"
