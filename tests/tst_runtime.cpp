// SPDX-License-Identifier: GPL-3.0-or-later
// neurorack-runtime as systemd runs it: starts, says it is ready, stops cleanly on
// SIGTERM and SIGINT, survives a damaged bank, refuses a bad command line.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

const QString kRuntime = QStringLiteral(NEURORACK_BINARY_DIR "/module-runtime/neurorack-runtime");

bool waitForText(QProcess &p, QByteArray &seen, const QByteArray &text, int timeoutMs = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (!seen.contains(text)) {
        if (timer.elapsed() > timeoutMs || p.state() == QProcess::NotRunning)
            return false;
        p.waitForReadyRead(100);
        seen += p.readAllStandardError();
    }
    return true;
}

} // namespace

class tst_Runtime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
        p.start(kRuntime, {QStringLiteral("--data"), data.path()});
        QVERIFY(p.waitForStarted());
        QByteArray log;
        QVERIFY2(waitForText(p, log, "ready: 18 presets in bank Factory"), log.constData());
        QVERIFY(QDir(data.filePath(QStringLiteral("banks"))).exists());
        ::kill(static_cast<pid_t>(p.processId()), signalNumber);
        QVERIFY(p.waitForFinished(10000));
        log += p.readAllStandardError();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(log.contains(QByteArray(QByteArray("stopping on ") + name)), log.constData());
        QVERIFY(log.contains("stopped"));
    }

    void damagedBankFallsBackToFactory()
    {
        QTemporaryDir data;
        QVERIFY(QDir(data.path()).mkpath(QStringLiteral("banks")));
        QFile bank(data.filePath(QStringLiteral("banks/current.json")));
        QVERIFY(bank.open(QIODevice::WriteOnly));
        bank.write("{\"format\": \"neurorack.bank\", \"version\": 1, \"id\": \"x\"");
        bank.close();
        QProcess p;
        p.start(kRuntime, {QStringLiteral("--data"), data.path()});
        QByteArray log;
        QVERIFY2(waitForText(p, log, "ready:"), log.constData());
        QVERIFY2(log.contains("is damaged; playing the factory bank"), log.constData());
        QVERIFY(log.contains("malformed JSON"));
        p.terminate();
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
    }

    void badCommandLine()
    {
        QProcess p;
        p.start(kRuntime, {QStringLiteral("--no-such-option")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("Unknown option"));
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
        QVERIFY(p.readAllStandardError().contains("cannot start: cannot create the data folder"));
    }
};

QTEST_GUILESS_MAIN(tst_Runtime)
#include "tst_runtime.moc"
