// SPDX-License-Identifier: GPL-3.0-or-later
// JSON and CBOR round trips: JSON → objects → CBOR → objects → JSON is lossless,
// every number included, and saving is atomic.
#include "io/documentfile.h"
#include "io/jsonwriter.h"
#include "model/factory.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace neurorack;

class tst_DocumentCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("float 0.1 is written short") << double(0.1f) << QByteArrayLiteral("0.1");
        QTest::addRow("double 0.1") << 0.1 << QByteArrayLiteral("0.1");
        QTest::addRow("integral") << 120.0 << QByteArrayLiteral("120");
        QTest::addRow("negative") << -14.25 << QByteArrayLiteral("-14.25");
        QTest::addRow("zero") << 0.0 << QByteArrayLiteral("0");
        QTest::addRow("small stays decimal") << double(0.00015f) << QByteArrayLiteral("0.00015");
        QTest::addRow("tiny uses an exponent") << double(1e-7f) << QByteArrayLiteral("1e-07");
        QTest::addRow("third, single precision") << double(1.0f / 3.0f) << QByteArrayLiteral("0.33333334");
        QTest::addRow("third, double precision") << 1.0 / 3.0 << QByteArrayLiteral("0.3333333333333333");
    }
    void numbers()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(JsonWriter::formatNumber(value), text);
    }

    void factoryBankRoundTripsByteForByte()
    {
        QFile file(Factory::bankResource());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray original = file.readAll();
        const auto bank = DocumentFile::bankFromBytes(original);
        QVERIFY2(bank.ok(), qPrintable(bank.errorString()));

        // JSON → objects → CBOR → objects → JSON
        const QByteArray cbor = DocumentFile::serialize(DocumentCodec::encodeBank(*bank), Encoding::Cbor);
        QVERIFY(cbor.size() < original.size());
        const auto fromCbor = DocumentFile::bankFromBytes(cbor);
        QVERIFY2(fromCbor.ok(), qPrintable(fromCbor.errorString()));
        QCOMPARE(*fromCbor, *bank);
        const QByteArray json = DocumentFile::serialize(DocumentCodec::encodeBank(*fromCbor), Encoding::Json);
        QCOMPARE(json, original); // the shipped file is in canonical form
    }

    void randomBanksRoundTrip_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("presets");
        QTest::addRow("empty bank") << 1u << 0;
        QTest::addRow("one preset") << 2u << 1;
        QTest::addRow("twenty with gaps") << 3u << 20;
        QTest::addRow("full bank") << 4u << 128;
    }
    void randomBanksRoundTrip()
    {
        QFETCH(quint32, seed);
        QFETCH(int, presets);
        const Bank bank = test::randomBank(seed, presets);
        QCOMPARE(bank.presetCount(), presets);

        const QByteArray json = DocumentFile::serialize(DocumentCodec::encodeBank(bank), Encoding::Json);
        const auto fromJson = DocumentFile::bankFromBytes(json);
        QVERIFY2(fromJson.ok(), qPrintable(fromJson.errorString()));
        QCOMPARE(*fromJson, bank);

        const QByteArray cbor = DocumentFile::serialize(DocumentCodec::encodeBank(*fromJson), Encoding::Cbor);
        const auto fromCbor = DocumentFile::bankFromBytes(cbor);
        QVERIFY2(fromCbor.ok(), qPrintable(fromCbor.errorString()));
        QCOMPARE(*fromCbor, bank);
        QCOMPARE(DocumentFile::serialize(DocumentCodec::encodeBank(*fromCbor), Encoding::Json), json);
        QCOMPARE(DocumentFile::serialize(DocumentCodec::encodeBank(*fromCbor), Encoding::Cbor), cbor);
    }

    void presetAndMappingDocumentsRoundTrip()
    {
        const Preset preset = test::randomPreset(42, QStringLiteral("solo"));
        for (const auto encoding : {Encoding::Json, Encoding::Cbor}) {
            const auto p = DocumentFile::presetFromBytes(DocumentFile::serialize(DocumentCodec::encodePreset(preset), encoding));
            QVERIFY2(p.ok(), qPrintable(p.errorString()));
            QCOMPARE(*p, preset);
        }
        const Mapping mapping = test::randomBank(5, 2).mapping();
        for (const auto encoding : {Encoding::Json, Encoding::Cbor}) {
            const auto m = DocumentFile::mappingFromBytes(DocumentFile::serialize(DocumentCodec::encodeMapping(mapping), encoding));
            QVERIFY2(m.ok(), qPrintable(m.errorString()));
            QCOMPARE(*m, mapping);
        }
    }

    void jsonLayoutIsDiffFriendly()
    {
        Bank bank = test::randomBank(7, 2);
        const QByteArray json = DocumentFile::serialize(DocumentCodec::encodeBank(bank), Encoding::Json);
        QVERIFY(json.startsWith("{\n  \"format\": \"neurorack.bank\",\n  \"version\": 1,\n"));
        QVERIFY(json.contains("\n      \"curves\": {\n        \"loudness\": ["));
        QVERIFY(json.contains("\"tags\": [\"tag"));
        QVERIFY(json.contains("null")); // unvoiced pitch frames
        QVERIFY(json.endsWith("}\n"));
        // Each curve is one line, so a changed value shows as a one-line diff.
        const auto lines = json.split('\n');
        QCOMPARE(std::count_if(lines.begin(), lines.end(), [](const QByteArray &l) { return l.contains("\"pitch\": ["); }), 2);
    }

    void cborIsCompact()
    {
        const Bank bank = test::randomBank(8, 128);
        const QByteArray json = DocumentFile::serialize(DocumentCodec::encodeBank(bank), Encoding::Json);
        const QByteArray cbor = DocumentFile::serialize(DocumentCodec::encodeBank(bank), Encoding::Cbor);
        // Curve values take 5 bytes in CBOR (single precision) against ~10 as text.
        QVERIFY2(cbor.size() * 2 < json.size(), qPrintable(QStringLiteral("%1 vs %2").arg(cbor.size()).arg(json.size())));
    }

    void invalidObjectsAreNotSaved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("preset.json"));
        Preset good = test::randomPreset(3, QStringLiteral("good"));
        QCOMPARE(DocumentFile::savePreset(path, good), QString());
        Preset bad = good;
        bad.tags << QString(); // an empty tag would make the file unloadable
        const QString error = DocumentFile::savePreset(path, bad);
        QVERIFY2(error.contains(QStringLiteral("not saved")) && error.contains(QStringLiteral("tags[2]")), qPrintable(error));
        QCOMPARE(*DocumentFile::loadPreset(path), good); // the last good file is untouched
    }

    void duplicateKeysInCborAreRefused()
    {
        // QCborMap keeps both entries when built by hand, as a hostile peer could send them.
        QCborMap doc = DocumentCodec::encodeMapping(test::randomBank(2, 1).mapping());
        QByteArray bytes = QCborValue(doc).toCbor();
        const QByteArray key = QCborValue(QStringLiteral("name")).toCbor();
        const QByteArray value = QCborValue(QStringLiteral("Twice")).toCbor();
        bytes[0] = char(static_cast<unsigned char>(bytes[0]) + 1); // one more pair in the map header
        bytes += key + value;
        const auto result = DocumentFile::mappingFromBytes(bytes);
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(QStringLiteral("name: appears twice")), qPrintable(result.errorString()));
    }

    void saveIsAtomicAndKeepsTheOldFileOnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bank.json"));
        const Bank first = test::randomBank(9, 3);
        QCOMPARE(DocumentFile::saveBank(path, first), QString());
        const auto loaded = DocumentFile::loadBank(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(*loaded, first);

        const QString cborPath = dir.filePath(QStringLiteral("bank.cbor"));
        QCOMPARE(DocumentFile::saveBank(cborPath, first), QString());
        QVERIFY(static_cast<unsigned char>(DocumentFile::readFile(cborPath)->at(0)) >= 0xA0);
        QCOMPARE(*DocumentFile::loadBank(cborPath), first);

        // A folder where the file should go: the save fails with a message naming the path.
        const QString blocked = dir.filePath(QStringLiteral("blocked.json"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("blocked.json")));
        const QString error = DocumentFile::saveBank(blocked, first);
        QVERIFY(error.contains(blocked));
        QCOMPARE(*DocumentFile::loadBank(path), first);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2); // no temporary left behind
    }
};

QTEST_GUILESS_MAIN(tst_DocumentCodec)
#include "tst_documentcodec.moc"
