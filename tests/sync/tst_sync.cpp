// SPDX-License-Identifier: GPL-3.0-or-later
// The USB link end to end: neurorack-runtime serving on one end of a pseudo-terminal
// cable (PtyLink), the DeviceClient (and the neurorack CLI) on the other, with faults
// injected in between. Every transfer completes or fails with a clear error, and the
// module holds the old or the new bank, never a mix.
#include "ptylink.h"
#include "runtimeprocess.h"
#include "testsupport.h"

#include "engine/impactengine.h"
#include "io/documentcodec.h"
#include "io/documentfile.h"
#include "model/factory.h"
#include "protocol/deviceclient.h"

#include <QCborArray>
#include <QCborValue>
#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSerialPort>
#include <QTemporaryDir>
#include <QTest>

#include <QCoro/QCoroTask>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

using namespace neurorack;
using namespace std::chrono_literals;

namespace {
const QString kCli = QStringLiteral(NEURORACK_BINARY_DIR "/app/neurorack");

/// A bank of @p presets random presets, told apart by @p seed.
Bank makeBank(quint32 seed, int presets)
{
    Bank bank = test::randomBank(seed, presets);
    bank.setName(QStringLiteral("Bank %1").arg(seed));
    return bank;
}

qint64 residentKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}
} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private:
    /// A client with short timeouts and many tries: faults cost little time.
    std::unique_ptr<DeviceClient> connectClient(int attempts = 25)
    {
        auto client = std::make_unique<DeviceClient>();
        client->setReplyTimeout(150ms);
        client->setAttempts(attempts);
        // After a replug the module reopens its end within its reopen period.
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000) {
            auto hello = QCoro::waitFor(client->open(m_link->hostPath()));
            if (hello)
                return client;
            QTest::qWait(100);
        }
        return nullptr;
    }
    /// The bank file on the module, as it would load after a power cut.
    Result<Bank> moduleBank(const QString &file) { return DocumentFile::loadBank(m_data + QStringLiteral("/banks/") + file); }
    QByteArray cbor(const Bank &bank) { return DocumentFile::serialize(DocumentCodec::encodeBank(bank), Encoding::Cbor); }

    QTemporaryDir m_dir;
    QString m_data;
    std::unique_ptr<PtyLink> m_link;
    std::unique_ptr<RuntimeProcess> m_runtime;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("data"));
        m_link = std::make_unique<PtyLink>(m_dir.path());
        QVERIFY(m_link->open());
        m_runtime = std::make_unique<RuntimeProcess>(m_data, QStringLiteral("null"));
        QVERIFY2(m_runtime->start({QStringLiteral("--serial"), m_link->modulePath()}), m_runtime->log().constData());
        QVERIFY(m_runtime->waitForLog("serving the sync protocol"));
    }

    void cleanupTestCase()
    {
        if (m_runtime)
            QCOMPARE(m_runtime->stop(), 0);
    }

    void init()
    {
        m_link->clearFaults();
        if (!m_link->plugged())
            QVERIFY(m_link->replug());
    }

    void helloAndInfo()
    {
        auto client = connectClient();
        QVERIFY(client);
        QCOMPARE(client->hello().version, Protocol::kVersion);
        QVERIFY(client->hello().software.startsWith(u"neurorack-runtime"));
        const auto info = QCoro::waitFor(client->info());
        QVERIFY2(info, info ? "" : qPrintable(info.error().message));
        QCOMPARE(info->protocol, Protocol::kVersion);
        QVERIFY(info->model.contains(u"Impact"));
        QVERIFY(std::any_of(info->banks.begin(), info->banks.end(), [](const DeviceFile &f) { return f.file == u"factory.json" && f.presets > 0; }));
        QVERIFY(info->freeBytes > 0);
    }

    void bankRoundTrip_data()
    {
        QTest::addColumn<Bank>("bank");
        QTest::addRow("factory bank") << *Factory::bank();
        QTest::addRow("128 presets") << makeBank(11, 128);
        QTest::addRow("3 presets with gaps") << makeBank(12, 3);
    }

    void bankRoundTrip()
    {
        QFETCH(Bank, bank);
        auto client = connectClient();
        QVERIFY(client);
        const auto pushed = QCoro::waitFor(client->pushBank(QStringLiteral("roundtrip.json"), bank, true));
        QVERIFY2(pushed, pushed ? "" : qPrintable(pushed.error().message));
        QCOMPARE(pushed->file, QStringLiteral("banks/roundtrip.json"));
        QVERIFY(pushed->active);
        const auto pulled = QCoro::waitFor(client->pullBank(QStringLiteral("roundtrip.json")));
        QVERIFY2(pulled, pulled ? "" : qPrintable(pulled.error().message));
        QCOMPARE(*pulled, bank);
        QCOMPARE(*moduleBank(QStringLiteral("roundtrip.json")), bank);
        // The module plays it now.
        QVERIFY(m_runtime->waitFor([&](const QJsonObject &s) { return s.value(QStringLiteral("bank")).toString() == bank.name(); }));
        const auto info = QCoro::waitFor(client->info());
        QCOMPARE(info->bankFile, QStringLiteral("roundtrip.json"));
    }

    void modelUploadAndPull()
    {
        const QString shipped = ImpactEngine::defaultModelPath();
        QVERIFY(!shipped.isEmpty());
        const QByteArray bytes = *DocumentFile::readFile(shipped);
        auto client = connectClient();
        QVERIFY(client);
        const auto uploaded = QCoro::waitFor(client->push(TransferKind::Model, QStringLiteral("copy.pt"), bytes, false));
        QVERIFY2(uploaded, uploaded ? "" : qPrintable(uploaded.error().message));
        QVERIFY(uploaded->summary.contains(u"Impact"));
        const auto pulled = QCoro::waitFor(client->pull(TransferKind::Model, QStringLiteral("copy.pt")));
        QVERIFY(pulled);
        QCOMPARE(*pulled, bytes);
        // Nothing left behind in the staging folder.
        QCOMPARE(QDir(m_data + QStringLiteral("/.staging")).entryList(QDir::Files), QStringList());
    }

    void brokenFilesAreRefused_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("model that is not a zip") << int(TransferKind::Model) << QByteArray("not a model at all") << QStringLiteral("not a model");
        QByteArray truncated = *DocumentFile::readFile(ImpactEngine::defaultModelPath());
        truncated.truncate(truncated.size() / 2);
        QTest::addRow("truncated model") << int(TransferKind::Model) << truncated << QStringLiteral("not a model");
        const QCborValue broken = test::replaced(DocumentCodec::encodeBank(makeBank(3, 4)), QStringLiteral("presets/0/curves/loudness/3"),
                                                 QCborValue(QStringLiteral("loud")));
        QTest::addRow("bank with a text in a curve") << int(TransferKind::Bank) << broken.toCbor() << QStringLiteral("presets[0].curves.loudness[3]");
        QTest::addRow("bytes that are no bank") << int(TransferKind::Bank) << QByteArray(3000, 'x') << QStringLiteral("not a valid bank");
    }

    void brokenFilesAreRefused()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mentions);
        auto client = connectClient();
        QVERIFY(client);
        const auto before = QCoro::waitFor(client->info());
        const QString name = kind == int(TransferKind::Model) ? QStringLiteral("neurorack-impact.pt") : QStringLiteral("factory.json");
        const QByteArray old = *DocumentFile::readFile(m_data + (kind == int(TransferKind::Model) ? QStringLiteral("/models/") : QStringLiteral("/banks/")) + name);
        const auto pushed = QCoro::waitFor(client->push(TransferKind(kind), name, bytes, true));
        QVERIFY(!pushed);
        QCOMPARE(pushed.error().failure, SyncFailure::Rejected);
        QVERIFY2(pushed.error().message.contains(mentions), qPrintable(pushed.error().message));
        // The file in place and what plays are untouched.
        QCOMPARE(*DocumentFile::readFile(m_data + (kind == int(TransferKind::Model) ? QStringLiteral("/models/") : QStringLiteral("/banks/")) + name), old);
        const auto after = QCoro::waitFor(client->info());
        QCOMPARE(after->model, before->model);
        QCOMPARE(after->bankFile, before->bankFile);
    }

    void faults_data()
    {
        QTest::addColumn<int>("direction");
        QTest::addColumn<PtyLink::Faults>("faults");
        const auto rule = [](auto set) {
            PtyLink::Faults f;
            set(f);
            return f;
        };
        QTest::addRow("bit flips to the module") << int(PtyLink::ToModule) << rule([](auto &f) { f.bitErrorRate = 2e-6; });
        QTest::addRow("bit flips to the host") << int(PtyLink::ToHost) << rule([](auto &f) { f.bitErrorRate = 2e-6; });
        QTest::addRow("a byte dropped every 3rd frame") << int(PtyLink::ToModule) << rule([](auto &f) { f.dropByteEvery = 3; });
        QTest::addRow("a reply byte dropped every 4th frame") << int(PtyLink::ToHost) << rule([](auto &f) { f.dropByteEvery = 4; });
        QTest::addRow("every 5th frame truncated") << int(PtyLink::ToModule) << rule([](auto &f) { f.truncateEvery = 5; });
        QTest::addRow("every 3rd reply truncated") << int(PtyLink::ToHost) << rule([](auto &f) { f.truncateEvery = 3; });
        QTest::addRow("garbage between frames") << int(PtyLink::ToModule) << rule([](auto &f) { f.garbageEvery = 2; });
        QTest::addRow("garbage between replies") << int(PtyLink::ToHost) << rule([](auto &f) { f.garbageEvery = 2; });
        QTest::addRow("stalls longer than the timeout") << int(PtyLink::ToModule) << rule([](auto &f) { f.stallEvery = 6; f.stallMs = 400; });
        QTest::addRow("everything at once") << int(PtyLink::ToModule)
                                            << rule([](auto &f) { f.bitErrorRate = 1e-6; f.dropByteEvery = 7; f.truncateEvery = 11; f.garbageEvery = 5; f.stallEvery = 13; f.stallMs = 200; });
    }

    void faults()
    {
        QFETCH(int, direction);
        QFETCH(PtyLink::Faults, faults);
        const Bank older = makeBank(21, 40);
        const Bank newer = makeBank(22, 40);
        {
            auto client = connectClient();
            QVERIFY(client);
            QVERIFY(QCoro::waitFor(client->pushBank(QStringLiteral("faults.json"), older, false)));
        }
        auto client = connectClient();
        QVERIFY(client);
        m_link->setFaults(PtyLink::Direction(direction), faults);
        const auto pushed = QCoro::waitFor(client->pushBank(QStringLiteral("faults.json"), newer, false));
        const auto pulled = QCoro::waitFor(client->pullBank(QStringLiteral("faults.json")));
        m_link->clearFaults();
        QVERIFY2(pushed, pushed ? "" : qPrintable(pushed.error().message));
        QVERIFY2(pulled, pulled ? "" : qPrintable(pulled.error().message));
        QCOMPARE(*pulled, newer);
        QCOMPARE(*moduleBank(QStringLiteral("faults.json")), newer);
        qInfo("%d retransmissions, %llu damaged frames received", client->stats().retransmissions, client->stats().faults);
    }

    void unplugAtEveryFrame_data()
    {
        QTest::addColumn<int>("direction");
        QTest::addRow("host to module") << int(PtyLink::ToModule);
        QTest::addRow("module to host") << int(PtyLink::ToHost);
    }

    void unplugAtEveryFrame()
    {
        QFETCH(int, direction);
        // Small chunks: many boundaries to pull the cable at.
        Bank banks[2] = {makeBank(31, 6), makeBank(32, 6)};
        const QString file = QStringLiteral("unplug.json");
        {
            auto client = connectClient();
            QVERIFY(client);
            QVERIFY(QCoro::waitFor(client->pushBank(file, banks[0], false)));
        }
        int current = 0;
        int resumed = 0;
        for (int frame = 1;; ++frame) {
            const Bank &next = banks[1 - current];
            auto client = connectClient();
            QVERIFY(client);
            client->setChunkSize(4096);
            PtyLink::Faults faults;
            faults.unplugAtFrame = 1 + frame; // frame 0 of the new stream is the client's HELLO
            m_link->setFaults(PtyLink::Direction(direction), faults);
            const auto cut = QCoro::waitFor(client->pushBank(file, next, false));
            if (cut) {
                // The cable was never pulled: every frame of a push has had its turn.
                QCOMPARE(*moduleBank(file), next);
                QVERIFY2(frame > 8, "too few frames for a push in small chunks");
                break;
            }
            QVERIFY2(cut.error().failure == SyncFailure::LinkLost || cut.error().failure == SyncFailure::NoAnswer, qPrintable(cut.error().message));
            // Whatever the moment, the module's bank is whole: the old one or the new one.
            const auto onModule = moduleBank(file);
            QVERIFY2(onModule, qPrintable(onModule.errorString()));
            QVERIFY(*onModule == banks[current] || *onModule == next);
            client.reset();
            m_link->clearFaults();
            QVERIFY(m_link->replug());
            // Plugged back in, the same push resumes and completes.
            auto again = connectClient();
            QVERIFY2(again, "the module did not come back after the replug");
            again->setChunkSize(4096);
            const auto pushed = QCoro::waitFor(again->pushBank(file, next, false));
            QVERIFY2(pushed, pushed ? "" : qPrintable(pushed.error().message));
            QCOMPARE(*moduleBank(file), next);
            if (again->stats().payloadSent < cbor(next).size())
                ++resumed;
            current = 1 - current;
        }
        qInfo("%d of the pushes resumed from staged bytes", resumed);
        if (direction == PtyLink::ToModule)
            QVERIFY(resumed > 0);
    }

    void versionMismatch_data()
    {
        QTest::addColumn<int>("oldest");
        QTest::addColumn<int>("newest");
        QTest::addColumn<QString>("advice");
        QTest::addRow("client newer than the module") << Protocol::kVersion + 1 << Protocol::kVersion + 2 << QStringLiteral("update the module");
        QTest::addRow("client older than the module") << 0 << Protocol::kOldestVersion - 1 << QStringLiteral("update this program");
    }

    void versionMismatch()
    {
        QFETCH(int, oldest);
        QFETCH(int, newest);
        QFETCH(QString, advice);
        DeviceClient client;
        client.setReplyTimeout(150ms);
        client.setProtocolRange(oldest, newest);
        const auto hello = QCoro::waitFor(client.open(m_link->hostPath()));
        QVERIFY(!hello);
        QCOMPARE(hello.error().failure, SyncFailure::VersionMismatch);
        QVERIFY2(hello.error().message.contains(advice), qPrintable(hello.error().message));
        // The event loop, not log(), reads the module's log from its pipe: wait for the line
        // rather than count on it having been read along with the reply.
        QVERIFY(m_runtime->waitForLog("version_mismatch"));
    }

    void oversizeAndGarbageFrames()
    {
        const QByteArray port = QFile::encodeName(m_link->hostPath());
        const int fd = ::open(port.constData(), O_RDWR | O_NOCTTY);
        QVERIFY(fd >= 0);
        // A frame far beyond the limit, then one that is not COBS, then one with a bad CRC.
        QByteArray junk(200000, 'A');
        junk.append('\0');
        junk.append(QByteArray("\x05\x01\x00", 3));
        QByteArray badCrc = Frame{static_cast<quint8>(MessageType::DeviceInfo), 0, 7, emptyPayload()}.encode();
        badCrc[3] = static_cast<char>(badCrc[3] ^ 0x10);
        junk.append(badCrc);
        qsizetype written = 0;
        while (written < junk.size()) {
            const ssize_t n = ::write(fd, junk.constData() + written, junk.size() - written);
            if (n > 0)
                written += n;
        }
        // The module says so (damaged_frame) and carries on.
        FrameDecoder decoder;
        QList<Frame> replies;
        QElapsedTimer timer;
        timer.start();
        while (replies.isEmpty() && timer.elapsed() < 5000) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 100) > 0) {
                char buffer[4096];
                const ssize_t n = ::read(fd, buffer, sizeof buffer);
                if (n > 0)
                    replies = decoder.feed(QByteArrayView(buffer, n));
            }
        }
        ::close(fd);
        QVERIFY(!replies.isEmpty());
        QCOMPARE(replies.first().type, static_cast<quint8>(MessageType::Error));
        QCOMPARE(ErrorReply::decode(replies.first().payload)->code, QString(ErrorCode::kDamagedFrame));
        auto client = connectClient();
        QVERIFY(client);
        QVERIFY(QCoro::waitFor(client->info()));
    }

    void flood()
    {
        const qint64 before = residentKb(m_runtime->pid());
        const int fd = ::open(QFile::encodeName(m_link->hostPath()).constData(), O_RDWR | O_NOCTTY | O_NONBLOCK);
        QVERIFY(fd >= 0);
        // 8 MB of noise, then 5000 valid requests, none of whose replies are read.
        std::mt19937 random(5);
        QByteArray noise(64 * 1024, Qt::Uninitialized);
        QByteArray requests;
        for (int i = 0; i < 5000; ++i)
            requests += Frame{static_cast<quint8>(MessageType::DeviceInfo), 0, static_cast<quint32>(1000 + i), emptyPayload()}.encode();
        qint64 sent = 0;
        QElapsedTimer timer;
        timer.start();
        const auto pushAll = [&](const QByteArray &bytes) {
            qsizetype at = 0;
            while (at < bytes.size() && timer.elapsed() < 30000) {
                const ssize_t n = ::write(fd, bytes.constData() + at, bytes.size() - at);
                if (n > 0) {
                    at += n;
                    sent += n;
                } else {
                    QTest::qWait(1);
                }
            }
        };
        for (int block = 0; block < 128; ++block) {
            for (char &c : noise)
                c = static_cast<char>(random());
            pushAll(noise);
        }
        pushAll(requests);
        QTest::qWait(500);
        ::close(fd);
        const qint64 after = residentKb(m_runtime->pid());
        qInfo("flooded with %lld bytes in %lld ms; module memory %lld -> %lld kB", sent, timer.elapsed(), before, after);
        QVERIFY2(after - before < 40 * 1024, "the module's memory grew with the flood");
        // Still serving, still playing.
        auto client = connectClient();
        QVERIFY(client);
        QVERIFY(QCoro::waitFor(client->info()));
        QVERIFY(!m_runtime->status().isEmpty());
    }

    void auditionAndSettings()
    {
        auto client = connectClient();
        QVERIFY(client);
        QVERIFY(QCoro::waitFor(client->pushBank(QStringLiteral("factory.json"), *Factory::bank(), true)));
        const qint64 triggers = m_runtime->status().value(QStringLiteral("triggers")).toInteger();
        const auto played = QCoro::waitFor(client->play(2));
        QVERIFY2(played, played ? "" : qPrintable(played.error().message));
        QCOMPARE(played->preset, Factory::bank()->preset(2)->name);
        QVERIFY(m_runtime->waitFor([&](const QJsonObject &s) { return s.value(QStringLiteral("triggers")).toInteger() > triggers; }));
        QCOMPARE(m_runtime->status().value(QStringLiteral("slot")).toInt(), 2);
        // An empty slot is refused.
        const auto empty = QCoro::waitFor(client->play(127));
        QVERIFY(!empty);
        QCOMPARE(empty.error().failure, SyncFailure::Rejected);

        // The sliders stand in for the CVs, then give them back.
        QVERIFY(QCoro::waitFor(client->overrideCv(std::array<double, 4>{1.5, -2.0, 3.0, 0.25})));
        QVERIFY(m_runtime->waitFor([](const QJsonObject &s) {
            return std::abs(s.value(QStringLiteral("cv")).toArray().at(2).toObject().value(QStringLiteral("volts")).toDouble() - 3.0) < 0.05;
        }));
        QVERIFY(QCoro::waitFor(client->overrideCv(std::nullopt)));
        QVERIFY(m_runtime->waitFor([](const QJsonObject &s) {
            return std::abs(s.value(QStringLiteral("cv")).toArray().at(2).toObject().value(QStringLiteral("volts")).toDouble()) < 0.05;
        }));

        // Settings: read, change, refuse a bad value by its field.
        const auto settings = QCoro::waitFor(client->settings());
        QVERIFY(settings);
        QVERIFY(settings->contains(QStringLiteral("volume_db")));
        QVERIFY(QCoro::waitFor(client->changeSettings(QCborMap{{QStringLiteral("volume_db"), -12.0}})));
        QCOMPARE(QCoro::waitFor(client->info())->volumeDb, -12.0);
        const auto bad = QCoro::waitFor(client->changeSettings(QCborMap{{QStringLiteral("volume_db"), 20.0}}));
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.contains(u"volume_db"), qPrintable(bad.error().message));
    }

    void cancel()
    {
        auto client = connectClient();
        QVERIFY(client);
        const Bank before = *moduleBank(QStringLiteral("factory.json"));
        connect(client.get(), &DeviceClient::progress, client.get(), [&](qint64 done, qint64) {
            if (done > 0)
                client->cancel();
        });
        const auto pushed = QCoro::waitFor(client->pushBank(QStringLiteral("factory.json"), makeBank(41, 60), false));
        QVERIFY(!pushed);
        QCOMPARE(pushed.error().failure, SyncFailure::Cancelled);
        QCOMPARE(*moduleBank(QStringLiteral("factory.json")), before);
        QCOMPARE(QDir(m_data + QStringLiteral("/.staging")).entryList(QDir::Files), QStringList());
    }

    void cli_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::addRow("info") << QStringList{QStringLiteral("info")} << 0 << QStringLiteral("neurorack-runtime");
        QTest::addRow("push") << QStringList{QStringLiteral("push"), QStringLiteral("BANK"), QStringLiteral("--name"), QStringLiteral("cli.json")} << 0 << QStringLiteral("pushed banks/cli.json");
        QTest::addRow("pull") << QStringList{QStringLiteral("pull"), QStringLiteral("--name"), QStringLiteral("cli.json"), QStringLiteral("-o"), QStringLiteral("OUT")} << 0 << QStringLiteral("pulled bank");
        QTest::addRow("upload-model") << QStringList{QStringLiteral("upload-model"), QStringLiteral("MODEL"), QStringLiteral("--name"), QStringLiteral("cli.pt"), QStringLiteral("--no-activate")} << 0 << QStringLiteral("uploaded models/cli.pt");
        QTest::addRow("pull-model") << QStringList{QStringLiteral("pull"), QStringLiteral("--model"), QStringLiteral("--name"), QStringLiteral("cli.pt"), QStringLiteral("-o"), QStringLiteral("OUTMODEL")} << 0 << QStringLiteral("pulled model cli.pt");
        QTest::addRow("play") << QStringList{QStringLiteral("play"), QStringLiteral("1")} << 0 << QStringLiteral("playing slot 1");
        QTest::addRow("pull of a missing bank") << QStringList{QStringLiteral("pull"), QStringLiteral("--name"), QStringLiteral("nope.json"), QStringLiteral("-o"), QStringLiteral("OUT")} << 6 << QStringLiteral("no bank nope.json");
        QTest::addRow("a port that does not exist") << QStringList{QStringLiteral("info"), QStringLiteral("--port"), QStringLiteral("/dev/nonexistent-tty")} << 3 << QStringLiteral("cannot open");
        QTest::addRow("a bad slot") << QStringList{QStringLiteral("play"), QStringLiteral("300")} << 2 << QStringLiteral("0–127");
    }

    void cli()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        const QString bankFile = m_dir.filePath(QStringLiteral("cli-in.json"));
        QVERIFY(DocumentFile::saveBank(bankFile, makeBank(51, 20)).isEmpty());
        const QString out = m_dir.filePath(QStringLiteral("cli-out.json"));
        arguments.replaceInStrings(QStringLiteral("BANK"), bankFile);
        const QString outModel = m_dir.filePath(QStringLiteral("cli-out.pt"));
        arguments.replaceInStrings(QStringLiteral("OUTMODEL"), outModel);
        arguments.replaceInStrings(QStringLiteral("OUT"), out);
        arguments.replaceInStrings(QStringLiteral("MODEL"), ImpactEngine::defaultModelPath());
        arguments.prepend(QStringLiteral("device"));
        if (!arguments.contains(QStringLiteral("--port")))
            arguments << QStringLiteral("--port") << m_link->hostPath();
        QProcess cli;
        cli.start(kCli, arguments);
        QVERIFY(cli.waitForFinished(60000));
        const QString output = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == exitCode, qPrintable(QStringLiteral("exit %1: %2").arg(cli.exitCode()).arg(output)));
        QVERIFY2(output.contains(says), qPrintable(output));
        if (arguments.at(1) == u"pull" && exitCode == 0 && arguments.contains(QStringLiteral("--model")))
            QCOMPARE(*DocumentFile::readFile(outModel), *DocumentFile::readFile(ImpactEngine::defaultModelPath()));
        else if (arguments.at(1) == u"pull" && exitCode == 0)
            QCOMPARE(*DocumentFile::loadBank(out), makeBank(51, 20));
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
