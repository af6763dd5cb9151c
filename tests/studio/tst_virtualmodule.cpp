// SPDX-License-Identifier: GPL-3.0-or-later
// The virtual module: in-process, its knobs, gates and encoder drive core's
// MappingEvaluator and the runtime's own screen; with the runtime backend they reach a
// real neurorack-runtime on its panel simulator, whose screen comes back, and the
// virtual cable carries the USB sync protocol to core's DeviceClient.
#include "virtualmodule.h"

#include "model/factory.h"
#include "protocol/deviceclient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <QCoro/QCoroTask>

using namespace neurorack;
using namespace neurorack::studio;

namespace {

constexpr int kStartMs = 30000;
constexpr int kReplyMs = 5000;

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

MappingEvaluator::Volts knobVolts(const VirtualModule &module)
{
    MappingEvaluator::Volts volts{};
    for (int i = 0; i < Mapping::kCvCount; ++i)
        volts[static_cast<std::size_t>(i)] = module.cvVolts(i);
    return volts;
}

double statusCv(const QJsonObject &status, int input)
{
    return status.value(QStringLiteral("cv")).toArray().at(input).toObject().value(QStringLiteral("volts")).toDouble(-100.0);
}

} // namespace

class TestVirtualModule : public QObject
{
    Q_OBJECT

private:
    QByteArray m_savedRuntime;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Factory::bank());
        m_savedRuntime = qgetenv("NEURORACK_RUNTIME");
    }

    void cleanup()
    {
        if (m_savedRuntime.isEmpty())
            qunsetenv("NEURORACK_RUNTIME");
        else
            qputenv("NEURORACK_RUNTIME", m_savedRuntime);
    }

    void inProcess()
    {
        Bank bank = Factory::bank().value();
        const QList<int> filled = bank.filledSlots();
        QVERIFY(filled.size() >= 2);
        int slot = filled.first();
        VirtualModule module;
        QList<int> slots;
        QList<std::pair<DescriptorCurves, QString>> auditions;
        connect(&module, &VirtualModule::slotRequested, &module, [&](int s) {
            slots.append(s);
            slot = s;
            module.setBank(&bank, s);
        });
        connect(&module, &VirtualModule::auditionRequested, &module,
                [&](const DescriptorCurves &curves, const QString &title) { auditions.append({curves, title}); });
        module.setBank(&bank, slot);
        module.show();
        QVERIFY(QTest::qWaitForWindowExposed(&module));
        QCOMPARE(module.backend(), VirtualModule::Backend::InProcess);

        const QImage home = module.screenImage();
        QCOMPARE(home.size(), QSize(240, 240));
        QVERIFY(distinctColours(home) > 4);

        // A knob: the readout and the screen follow, as the mapping says.
        module.setCvVolts(0, 3.0);
        QCOMPARE(module.cvVolts(0), 3.0);
        const auto [label, value] = MappingEvaluator(bank).cvText(0, 3.0, slot);
        QVERIFY2(module.cvReadout(0).contains(value) && module.cvReadout(0).contains(label), qPrintable(module.cvReadout(0)));
        QVERIFY2(module.cvReadout(0).contains(QStringLiteral("3.00 V")), qPrintable(module.cvReadout(0)));
        const QImage turned = module.screenImage();
        QVERIFY(turned != home);

        // Gate 1 plays the preset with the knobs' CVs; gate 2 the morph.
        module.setGate(0, true);
        QCOMPARE(auditions.size(), 1);
        QVERIFY(auditions.first().first == MappingEvaluator(bank).curvesFor(ImpactSource::Preset, slot, knobVolts(module)));
        QVERIFY(!(auditions.first().first == bank.preset(slot)->curves));
        QVERIFY(module.screenImage() != turned); // the gate's light on the screen
        module.setGate(0, false);
        QCOMPARE(module.screenImage(), turned);
        module.setCvVolts(2, 4.0);
        module.setGate(1, true);
        module.setGate(1, false);
        QCOMPARE(auditions.size(), 2);
        QVERIFY(auditions.last().first == MappingEvaluator(bank).curvesFor(ImpactSource::Morph, slot, knobVolts(module)));

        // The encoder steps through the presets, as on the module's Home page.
        const QImage beforeTurn = module.screenImage();
        module.turnEncoder(1);
        QCOMPARE(slots, QList<int>{filled[1]});
        const QImage nextPreset = module.screenImage();
        QVERIFY(nextPreset != beforeTurn);
        module.turnEncoder(-1);
        QCOMPARE(slots, (QList<int>{filled[1], filled[0]}));
        module.turnEncoder(1);

        // A press opens the menu, a long press goes back Home.
        module.setButton(true);
        module.setButton(false);
        QVERIFY(module.screenImage() != nextPreset);
        module.setButton(true);
        // Held: the long press acts when its timer fires (late on a busy machine), not on release.
        QTRY_COMPARE_WITH_TIMEOUT(module.screenImage(), nextPreset, kReplyMs);
        module.setButton(false);
        QCOMPARE(module.screenImage(), nextPreset);
    }

    void runtime()
    {
        const QString program = QStringLiteral(NEURORACK_BINARY_DIR "/module-runtime/neurorack-runtime");
        QVERIFY2(QFile::exists(program), "build the neurorack-runtime target first");
        qputenv("NEURORACK_RUNTIME", QFile::encodeName(program));
        QCOMPARE(VirtualModule::runtimeProgram(), program);

        Bank bank = Factory::bank().value();
        VirtualModule module;
        module.setBank(&bank, bank.filledSlots().first());
        module.resize(module.sizeHint());
        module.show();
        QVERIFY(QTest::qWaitForWindowExposed(&module));
        QSignalSpy hostPorts(&module, &VirtualModule::hostPortChanged);
        QSignalSpy auditions(&module, &VirtualModule::auditionRequested);

        module.setBackend(VirtualModule::Backend::Runtime);
        QTRY_VERIFY2_WITH_TIMEOUT(module.isRuntimeConnected(), qPrintable(module.errorText()), kStartMs);
        QVERIFY2(module.errorText().isEmpty(), qPrintable(module.errorText()));
        QCOMPARE(hostPorts.size(), 1);
        const QString hostPort = module.hostPort();
        QVERIFY(!hostPort.isEmpty());
        QCOMPARE(hostPorts.first().first().toString(), hostPort);
        QTRY_VERIFY_WITH_TIMEOUT(!module.runtimeStatus().isEmpty(), kReplyMs);
        QCOMPARE(module.runtimeStatus().value(QStringLiteral("bank")).toString(), Factory::bank()->name());

        // A knob reaches the runtime, and its answer comes back under the knob.
        module.setCvVolts(0, 2.0);
        QTRY_COMPARE_WITH_TIMEOUT(statusCv(module.runtimeStatus(), 0), 2.0, kReplyMs);
        const QJsonObject cv1 = module.runtimeStatus().value(QStringLiteral("cv")).toArray().at(0).toObject();
        QTRY_VERIFY_WITH_TIMEOUT(module.cvReadout(0).contains(cv1.value(QStringLiteral("value")).toString()), kReplyMs);

        // A gate reaches it: it goes high, and the runtime counts a trigger.
        const qint64 triggers = module.runtimeStatus().value(QStringLiteral("triggers")).toInteger();
        module.setGate(0, true);
        QTRY_VERIFY_WITH_TIMEOUT(module.runtimeStatus().value(QStringLiteral("gates")).toArray().at(0).toBool(), kReplyMs);
        module.setGate(0, false);
        QTRY_VERIFY_WITH_TIMEOUT(module.runtimeStatus().value(QStringLiteral("triggers")).toInteger() > triggers, kReplyMs);
        QTRY_VERIFY_WITH_TIMEOUT(!module.runtimeStatus().value(QStringLiteral("gates")).toArray().at(0).toBool(), kReplyMs);
        QCOMPARE(auditions.size(), 0); // the runtime plays it, not Studio

        // Its screen comes back: a real picture, not the blank "starting" one.
        QTRY_VERIFY_WITH_TIMEOUT(distinctColours(module.screenImage()) > 8, kReplyMs);
        QCOMPARE(module.screenImage().size(), QSize(240, 240));

        // The encoder: the runtime's Home page steps to the next preset.
        const int slot = module.runtimeStatus().value(QStringLiteral("slot")).toInt();
        const QImage before = module.screenImage();
        module.turnEncoder(1);
        QTRY_VERIFY_WITH_TIMEOUT(module.runtimeStatus().value(QStringLiteral("slot")).toInt() != slot, kReplyMs);
        QTRY_VERIFY_WITH_TIMEOUT(module.screenImage() != before, kReplyMs);

        // The virtual cable carries the USB sync protocol.
        DeviceClient client;
        const auto hello = QCoro::waitFor(client.open(hostPort));
        QVERIFY2(hello, hello ? "" : qPrintable(hello.error().message));
        QVERIFY(hello->software.contains(QStringLiteral("neurorack-runtime")));
        const auto info = QCoro::waitFor(client.info());
        QVERIFY2(info, info ? "" : qPrintable(info.error().message));
        QCOMPARE(info->bankName, module.runtimeStatus().value(QStringLiteral("bank")).toString());
        QVERIFY(info->triggers > triggers);
        client.close();

        QDir().mkpath(QStringLiteral(NEURORACK_BINARY_DIR "/screenshots"));
        QVERIFY(module.grab().save(QStringLiteral(NEURORACK_BINARY_DIR "/screenshots/virtual-module.png")));

        // Stopping is clean: no error, the cable goes away.
        module.stopRuntime();
        QTRY_VERIFY_WITH_TIMEOUT(!module.isRuntimeConnected(), kReplyMs);
        QTRY_COMPARE_WITH_TIMEOUT(hostPorts.size(), 2, kReplyMs);
        QVERIFY(hostPorts.last().first().toString().isEmpty());
        QVERIFY(module.hostPort().isEmpty());
        QTest::qWait(200);
        QVERIFY2(module.errorText().isEmpty(), qPrintable(module.errorText()));
    }

    void runtimeThatExitsShowsItsMessages()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString script = dir.filePath(QStringLiteral("fake-runtime"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\necho 'neurorack-runtime: cannot open the panel simulator: boom' >&2\nexit 1\n");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("NEURORACK_RUNTIME", QFile::encodeName(script));

        VirtualModule module;
        module.setBackend(VirtualModule::Backend::Runtime);
        QTRY_VERIFY_WITH_TIMEOUT(!module.errorText().isEmpty(), kReplyMs);
        QVERIFY2(module.errorText().contains(QStringLiteral("exit code 1")), qPrintable(module.errorText()));
        QVERIFY2(module.errorText().contains(QStringLiteral("boom")), qPrintable(module.errorText()));
        QVERIFY(!module.isRuntimeConnected());
        QVERIFY(module.hostPort().isEmpty());
        // Back to in-process clears it.
        module.setBackend(VirtualModule::Backend::InProcess);
        QVERIFY(module.errorText().isEmpty());
    }
};

QTEST_MAIN(TestVirtualModule)
#include "tst_virtualmodule.moc"
