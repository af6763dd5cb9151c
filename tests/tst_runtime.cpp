// SPDX-License-Identifier: GPL-3.0-or-later
// neurorack-runtime as a musician and systemd use it, driven through the panel
// simulator: gates make sound in the WAV, CVs change it, gate 2 plays the morph, the
// encoder browses banks and pages, damaged storage and a broken model are survived, and
// SIGTERM stops it cleanly.
#include "analysis/descriptoranalyzer.h"
#include "audio/audiofile.h"
#include "model/factory.h"
#include "io/documentfile.h"
#include "runtimeprocess.h"
#include "screen/screenpainter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>
#include <functional>
#include <memory>

using namespace neurorack;

namespace {

const QString kRuntime = QStringLiteral(NEURORACK_BINARY_DIR "/module-runtime/neurorack-runtime");
constexpr int kTimeoutMs = RuntimeProcess::kTimeoutMs;
using Runtime = RuntimeProcess;

/// The impacts in a recording: runs of sound separated by at least 50 ms of silence.
QList<std::vector<float>> impactsIn(const std::vector<float> &audio)
{
    constexpr float kSilence = 1e-5f;
    constexpr std::size_t kGap = 2400;
    QList<std::vector<float>> impacts;
    std::size_t i = 0;
    while (i < audio.size()) {
        while (i < audio.size() && std::fabs(audio[i]) < kSilence)
            ++i;
        if (i >= audio.size())
            break;
        std::size_t end = i, quiet = 0;
        while (end < audio.size() && quiet < kGap) {
            quiet = std::fabs(audio[end]) < kSilence ? quiet + 1 : 0;
            ++end;
        }
        impacts.append(std::vector<float>(audio.begin() + static_cast<std::ptrdiff_t>(i), audio.begin() + static_cast<std::ptrdiff_t>(end - quiet)));
        i = end;
    }
    return impacts;
}

double rms(const std::vector<float> &x)
{
    double sum = 0.0;
    for (float v : x)
        sum += double(v) * v;
    return x.empty() ? 0.0 : std::sqrt(sum / double(x.size()));
}

/// Mean of one descriptor over the audible frames.
double meanDescriptor(const std::vector<float> &audio, DescriptorId id)
{
    DescriptorAnalyzer analyzer;
    const auto curves = analyzer.analyze(audio);
    double sum = 0.0;
    int n = 0;
    for (int f = 0; f < curves.frameCount(); ++f) {
        if (curves.value(DescriptorId::Loudness, f) > -50.0f) {
            sum += curves.value(id, f);
            ++n;
        }
    }
    return n ? sum / n : 0.0;
}

/// The volts CV @p input (0 to 3) plays now, after its smoothing, from a status reply.
double cvVolts(const QJsonObject &status, int input)
{
    return status.value(QStringLiteral("cv")).toArray().at(input).toObject().value(QStringLiteral("volts")).toDouble();
}

/// Whether @p image has a pixel of @p colour.
bool hasColour(const QImage &image, QRgb colour)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) == colour)
                return true;
        }
    }
    return false;
}

std::vector<float> recording(const QString &path)
{
    auto clip = AudioFile::read(path);
    return clip ? clip->samples : std::vector<float>{};
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class tst_Runtime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyDataFolderIsFilledAndPlays()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        Runtime runtime(data);
        QVERIFY2(runtime.start(), runtime.log().constData());
        QVERIFY(QFile::exists(data + QStringLiteral("/banks/factory.json")));
        QVERIFY(!QDir(data + QStringLiteral("/models")).entryList({QStringLiteral("*.pt")}).isEmpty());
        // The line may still be in the pipe when the status says idle: wait for it.
        QVERIFY2(runtime.waitForLog("first impact playable"), runtime.log().constData());
        const QJsonObject s = runtime.status();
        QCOMPARE(s.value(QStringLiteral("bank")).toString(), QStringLiteral("Factory"));
        QCOMPARE(s.value(QStringLiteral("preset")).toString(), QStringLiteral("Deep Kick"));
        QCOMPARE(s.value(QStringLiteral("block_frames")).toInt(), 64);

        QTest::qWait(300); // silence before the gate
        runtime.trigger(1, 1300);
        QVERIFY(runtime.waitFor([](const QJsonObject &st) { return st.value(QStringLiteral("triggers")).toInt() == 1; }));
        QCOMPARE(runtime.stop(), 0);
        QVERIFY(runtime.log().contains("stopping on SIGTERM"));

        const auto audio = recording(runtime.wavPath());
        QVERIFY(audio.size() > 48000);
        const auto impacts = impactsIn(audio);
        QCOMPARE(impacts.size(), 1);
        // The gate made a real impact: loud enough, not clipped, no DC.
        QVERIFY2(rms(impacts[0]) > 0.005, qPrintable(QString::number(rms(impacts[0]))));
        double peak = 0.0, mean = 0.0;
        for (float v : impacts[0]) {
            peak = std::max(peak, double(std::fabs(v)));
            mean += v;
        }
        mean /= double(impacts[0].size());
        QVERIFY(peak < 0.99);
        QVERIFY2(std::fabs(mean) < 0.01, qPrintable(QString::number(mean)));
        // The start of the recording, before the gate, is silent.
        QVERIFY(std::all_of(audio.begin(), audio.begin() + 4800, [](float v) { return v == 0.0f; }));
    }

    void cvChangesTheSound()
    {
        QTemporaryDir dir;
        Runtime runtime(dir.filePath(QStringLiteral("data")));
        QVERIFY2(runtime.start(), runtime.log().constData());
        runtime.send(R"({"cv": 1, "volts": -5})"); // richness −3000 Hz: as narrow as it goes
        // CV 1 glides (smoothing_ms), and its renders start on the glide's timer: the status
        // says idle before the first one, and between two on a busy machine. Wait for the
        // glide to arrive, then for its last render.
        QVERIFY(runtime.waitFor([](const QJsonObject &s) { return cvVolts(s, 0) == -5.0 && !s.value(QStringLiteral("rendering")).toBool(); }));
        runtime.trigger(1, 1300);
        const int before = runtime.status().value(QStringLiteral("impacts_ready")).toInt();
        const QJsonObject reply = runtime.send(R"({"cv": 1, "volts": 5})"); // +3000 Hz
        QVERIFY(reply.value(QStringLiteral("ok")).toBool());
        QVERIFY(runtime.waitFor([before](const QJsonObject &s) {
            return s.value(QStringLiteral("impacts_ready")).toInt() > before && cvVolts(s, 0) == 5.0
                && !s.value(QStringLiteral("rendering")).toBool();
        }));
        const QJsonObject s = runtime.status();
        QCOMPARE(s.value(QStringLiteral("cv")).toArray().at(0).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("+3000 Hz"));
        runtime.trigger(1, 1300);
        QCOMPARE(runtime.stop(), 0);

        const auto impacts = impactsIn(recording(runtime.wavPath()));
        QCOMPARE(impacts.size(), 2);
        const double narrow = meanDescriptor(impacts[0], DescriptorId::Richness);
        const double wide = meanDescriptor(impacts[1], DescriptorId::Richness);
        QVERIFY2(wide > narrow * 1.3, qPrintable(QStringLiteral("richness %1 Hz, then %2 Hz").arg(narrow).arg(wide)));
    }

    void gateTwoPlaysTheMorph()
    {
        QTemporaryDir dir;
        Runtime runtime(dir.filePath(QStringLiteral("data")));
        QVERIFY2(runtime.start(), runtime.log().constData());
        // Morph amount 0 is the morph's preset A, the Deep Kick that gate 1 plays.
        runtime.send(R"({"cv": 3, "volts": 0})");
        QVERIFY(runtime.waitUntilIdle());
        QCOMPARE(runtime.status().value(QStringLiteral("morph")).toDouble(), 0.0);
        runtime.trigger(1, 1300);
        runtime.trigger(2, 1300);
        // Amount 1 is preset B, the Anvil.
        runtime.send(R"({"cv": 3, "volts": 5})");
        QVERIFY(runtime.waitFor([](const QJsonObject &s) {
            return s.value(QStringLiteral("morph")).toDouble() == 1.0 && !s.value(QStringLiteral("rendering")).toBool();
        }));
        runtime.trigger(2, 2300);
        QCOMPARE(runtime.stop(), 0);

        const auto impacts = impactsIn(recording(runtime.wavPath()));
        QCOMPARE(impacts.size(), 3);
        // Same curves, same seed: the same samples.
        const std::size_t n = std::min({impacts[0].size(), impacts[1].size(), std::size_t(24000)});
        double diff = 0.0;
        for (std::size_t i = 0; i < n; ++i)
            diff = std::max(diff, double(std::fabs(impacts[0][i] - impacts[1][i])));
        QVERIFY2(diff < 1e-4, qPrintable(QString::number(diff)));
        // The Anvil is brighter and longer than the Deep Kick.
        QVERIFY(meanDescriptor(impacts[2], DescriptorId::Brightness) > 2.0 * meanDescriptor(impacts[1], DescriptorId::Brightness));
        QVERIFY(impacts[2].size() > impacts[1].size());
    }

    void encoderBrowsesBanksAndPages()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        // A second bank beside the factory one.
        auto bank = Factory::bank().value();
        bank.setName(QStringLiteral("Second"));
        bank.setId(QStringLiteral("second"));
        for (int slot : bank.filledSlots()) {
            if (slot > 1)
                bank.clearSlot(slot);
        }
        bank.setMorphPair(Bank::MorphPair{0, 1});
        QDir().mkpath(data + QStringLiteral("/banks"));
        const QString saved = DocumentFile::saveBank(data + QStringLiteral("/banks/second.json"), bank);
        QVERIFY2(saved.isEmpty(), qPrintable(saved));

        Runtime runtime(data);
        QVERIFY2(runtime.start(), runtime.log().constData());
        QCOMPARE(runtime.status().value(QStringLiteral("page")).toString(), QStringLiteral("Factory"));
        runtime.send(R"({"screen": ")" + dir.filePath(QStringLiteral("home.png")).toUtf8() + R"("})");
        // Turning on Home changes the preset at once.
        runtime.send(R"({"encoder": 1})");
        QCOMPARE(runtime.status().value(QStringLiteral("preset")).toString(), QStringLiteral("Punchy Kick"));
        // Press: the menu; its second entry is Banks.
        runtime.send(R"({"button": "press"})");
        QCOMPARE(runtime.status().value(QStringLiteral("page")).toString(), QStringLiteral("Menu"));
        // The screen is repainted a moment after a change (later on a busy machine): take it
        // until it shows the menu's selected row.
        const auto menuShown = [&] {
            runtime.send(R"({"screen": ")" + dir.filePath(QStringLiteral("menu.png")).toUtf8() + R"("})");
            return hasColour(QImage(dir.filePath(QStringLiteral("menu.png"))), neurorack::runtime::ScreenPainter::kHighlight);
        };
        QTRY_VERIFY_WITH_TIMEOUT(menuShown(), kTimeoutMs);
        runtime.send(R"({"encoder": 1})");
        runtime.send(R"({"button": "press"})");
        QCOMPARE(runtime.status().value(QStringLiteral("page")).toString(), QStringLiteral("Banks"));
        // Rows: Back, factory, second. The cursor starts on the bank in use.
        runtime.send(R"({"encoder": 1})");
        runtime.send(R"({"button": "press"})");
        QVERIFY(runtime.waitUntilIdle());
        const QJsonObject s = runtime.status();
        QCOMPARE(s.value(QStringLiteral("bank")).toString(), QStringLiteral("Second"));
        QCOMPARE(s.value(QStringLiteral("bank_file")).toString(), QStringLiteral("second.json"));
        QCOMPARE(s.value(QStringLiteral("page")).toString(), QStringLiteral("Second"));
        runtime.trigger(1, 1300);
        QVERIFY(runtime.waitFor([](const QJsonObject &st) { return st.value(QStringLiteral("triggers")).toInt() == 1; }));
        // A long press always returns Home.
        runtime.send(R"({"button": "press"})");
        QCOMPARE(runtime.status().value(QStringLiteral("page")).toString(), QStringLiteral("Menu"));
        runtime.send(R"({"button": "long"})");
        QVERIFY(runtime.waitFor([](const QJsonObject &st) { return st.value(QStringLiteral("page")).toString() == u"Second"; }));
        QCOMPARE(runtime.stop(), 0);

        // The screens differ, and the menu highlights a row in the accent colour.
        const QImage home(dir.filePath(QStringLiteral("home.png")));
        const QImage menu(dir.filePath(QStringLiteral("menu.png")));
        QCOMPARE(home.size(), QSize(240, 240));
        QCOMPARE(menu.size(), QSize(240, 240));
        QVERIFY(home != menu);
        // The choice survives a restart.
        const auto settings = QJsonDocument::fromJson([&] {
            QFile f(data + QStringLiteral("/settings.json"));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }()).object();
        QCOMPARE(settings.value(QStringLiteral("bank")).toString(), QStringLiteral("second.json"));
    }

    void damagedStorageFallsBack_data()
    {
        QTest::addColumn<bool>("withLastGood");
        QTest::addColumn<QByteArray>("notice");
        QTest::addRow("last good copy") << true << QByteArray("factory.json was damaged; its last good copy is back");
        QTest::addRow("no copy") << false << QByteArray("the banks in");
    }
    void damagedStorageFallsBack()
    {
        QFETCH(bool, withLastGood);
        QFETCH(QByteArray, notice);
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        {
            Runtime first(data);
            QVERIFY2(first.start(), first.log().constData());
            QCOMPARE(first.stop(), 0);
        }
        QVERIFY(QFile::exists(data + QStringLiteral("/banks/factory.json.last-good")));
        writeFile(data + QStringLiteral("/banks/factory.json"), "{\"format\": \"neurorack.bank\", \"version\": 1, \"id\": \"x\"");
        writeFile(data + QStringLiteral("/settings.json"), "garbage");
        if (!withLastGood)
            QFile::remove(data + QStringLiteral("/banks/factory.json.last-good"));

        Runtime runtime(data);
        QVERIFY2(runtime.start(), runtime.log().constData());
        QVERIFY2(runtime.log().contains(notice), runtime.log().constData());
        const QJsonObject s = runtime.status();
        QCOMPARE(s.value(QStringLiteral("bank")).toString(), QStringLiteral("Factory"));
        QVERIFY(!s.value(QStringLiteral("notice")).toString().isEmpty());
        runtime.trigger(1, 1300);
        QVERIFY(runtime.waitFor([](const QJsonObject &st) { return st.value(QStringLiteral("triggers")).toInt() == 1; }));
        QCOMPARE(runtime.stop(), 0);
        if (withLastGood) {
            // The damaged file is set aside and the good copy put back.
            QVERIFY(QFile::exists(data + QStringLiteral("/banks/factory.json.damaged")));
            QVERIFY(DocumentFile::loadBank(data + QStringLiteral("/banks/factory.json")));
        }
    }

    void brokenModelKeepsPlaying()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        writeFile(data + QStringLiteral("/models/broken.pt"), QByteArray("PK\x03\x04 not a model", 20));
        Runtime runtime(data);
        QVERIFY2(runtime.start({QStringLiteral("--model"), data + QStringLiteral("/models/broken.pt")}), runtime.log().constData());
        QVERIFY2(runtime.log().contains("broken.pt does not load"), runtime.log().constData());
        const QJsonObject s = runtime.status();
        QVERIFY(s.value(QStringLiteral("notice")).toString().contains(QStringLiteral("broken.pt does not load")));
        QVERIFY(s.value(QStringLiteral("model")).toString().startsWith(QStringLiteral("Neurorack Impact")));
        runtime.trigger(1, 1300);
        QCOMPARE(runtime.stop(), 0);
        const auto impacts = impactsIn(recording(runtime.wavPath()));
        QCOMPARE(impacts.size(), 1);
    }

    void simRequestsAreChecked_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("error");
        QTest::addRow("not JSON") << QByteArray("{cv: 1}") << QStringLiteral("not JSON at offset");
        QTest::addRow("not an object") << QByteArray("[1]") << QStringLiteral("a request is a JSON object");
        QTest::addRow("cv 0") << QByteArray(R"({"cv": 0, "volts": 1})") << QStringLiteral("cv: an input number from 1 to 4");
        QTest::addRow("volts too high") << QByteArray(R"({"cv": 1, "volts": 13})") << QStringLiteral("volts: a number from -12 to 12");
        QTest::addRow("gate 3") << QByteArray(R"({"gate": 3, "high": true})") << QStringLiteral("gate: an input number from 1 to 2");
        QTest::addRow("encoder 0") << QByteArray(R"({"encoder": 0})") << QStringLiteral("encoder: a whole number of detents, -100 to 100, not 0");
        QTest::addRow("button") << QByteArray(R"({"button": "twist"})") << QStringLiteral("button: \"press\", \"long\", \"down\" or \"up\"");
        QTest::addRow("unknown") << QByteArray(R"({"dance": 1})") << QStringLiteral("unknown request: expected one of cv, gate, trigger, encoder, button, screen, status");
    }
    void simRequestsAreChecked()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, error);
        // One runtime answers every row; cleanupTestCase stops it.
        if (!m_shared) {
            m_shared = std::make_unique<Runtime>(m_sharedDir.filePath(QStringLiteral("data")));
            QVERIFY2(m_shared->start(), m_shared->log().constData());
        }
        Runtime *runtime = m_shared.get();
        const QJsonObject reply = runtime->send(request);
        QCOMPARE(reply.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY2(reply.value(QStringLiteral("error")).toString().startsWith(error), qPrintable(reply.value(QStringLiteral("error")).toString()));
        // Nothing changed, and the runtime still answers.
        QCOMPARE(runtime->status().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(runtime->status().value(QStringLiteral("triggers")).toInt(), 0);
    }

    void stopsCleanlyOnSignals_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::addColumn<QByteArray>("name");
        QTest::addRow("SIGTERM") << int(SIGTERM) << QByteArray("SIGTERM");
        QTest::addRow("SIGINT") << int(SIGINT) << QByteArray("SIGINT");
    }
    void stopsCleanlyOnSignals()
    {
        QFETCH(int, signalNumber);
        QFETCH(QByteArray, name);
        QTemporaryDir data;
        QProcess p;
        p.start(kRuntime, {QStringLiteral("--data"), data.path(), QStringLiteral("--audio"), QStringLiteral("null")});
        QVERIFY(p.waitForStarted());
        QByteArray log;
        QElapsedTimer timer;
        timer.start();
        while (!log.contains("ready: 18 presets in bank Factory") && timer.elapsed() < kTimeoutMs) {
            p.waitForReadyRead(50);
            log += p.readAllStandardError();
        }
        QVERIFY2(log.contains("ready: 18 presets in bank Factory"), log.constData());
        ::kill(static_cast<pid_t>(p.processId()), signalNumber);
        QVERIFY(p.waitForFinished(10000));
        log += p.readAllStandardError();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(log.contains(QByteArray(QByteArray("stopping on ") + name)), log.constData());
        QVERIFY(log.contains("stopped"));
    }

    void badCommandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::addRow("unknown option") << QStringList{QStringLiteral("--no-such-option")} << QByteArray("Unknown option");
        QTest::addRow("panel") << QStringList{QStringLiteral("--panel"), QStringLiteral("usb")} << QByteArray("--panel must be linux or sim");
        QTest::addRow("audio") << QStringList{QStringLiteral("--audio"), QStringLiteral("mp3:x")} << QByteArray("--audio must be alsa:DEVICE, wav:FILE or null");
    }
    void badCommandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        QProcess p;
        p.start(kRuntime, arguments);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains(message));
    }

    void unusableDataFolder()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QProcess p;
        p.start(kRuntime, {QStringLiteral("--data"), dir.filePath(QStringLiteral("file"))});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("cannot start:"));
    }

    void cleanupTestCase()
    {
        m_shared.reset();
    }

private:
    QTemporaryDir m_sharedDir;
    std::unique_ptr<Runtime> m_shared;
};

QTEST_GUILESS_MAIN(tst_Runtime)
#include "tst_runtime.moc"
