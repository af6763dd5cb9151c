// SPDX-License-Identifier: GPL-3.0-or-later
// Malformed documents: each is refused whole, with a message that names the field and
// the reason. The table starts from the factory bank and breaks one thing at a time.
#include "io/documentfile.h"
#include "io/jsonwriter.h"
#include "model/factory.h"
#include "testsupport.h"

#include <QCborArray>
#include <QCborMap>
#include <QFile>
#include <QTest>

#include <limits>

using namespace neurorack;
using test::removed;
using test::replaced;
using test::valueAt;

namespace {

QCborValue factoryTree()
{
    QFile file(Factory::bankResource());
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the factory bank resource");
    return *DocumentFile::parse(file.readAll());
}

QByteArray json(const QCborValue &tree)
{
    return JsonWriter::write(tree);
}

QByteArray cbor(const QCborValue &tree)
{
    return tree.toCbor();
}

QCborValue mappingTree()
{
    return DocumentCodec::encodeMapping(*Factory::originalMapping());
}

QCborValue presetTree()
{
    return DocumentCodec::encodePreset(*Factory::bank()->preset(0));
}

QByteArray nested(int depth)
{
    return QByteArray("{\"format\": \"neurorack.bank\", \"x\": ") + QByteArray(depth, '[') + QByteArray(depth, ']') + '}';
}

FieldErrors load(const QString &kind, const QByteArray &bytes)
{
    if (kind == QLatin1String("preset"))
        return DocumentFile::presetFromBytes(bytes).errors();
    if (kind == QLatin1String("mapping"))
        return DocumentFile::mappingFromBytes(bytes).errors();
    return DocumentFile::bankFromBytes(bytes).errors();
}

} // namespace

class tst_Validation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void baseDocumentsAreValid()
    {
        QVERIFY(DocumentFile::bankFromBytes(json(factoryTree())).ok());
        QVERIFY(DocumentFile::mappingFromBytes(json(mappingTree())).ok());
        QVERIFY(DocumentFile::presetFromBytes(json(presetTree())).ok());
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");

        const QCborValue bank = factoryTree();
        const QString bankKind = QStringLiteral("bank");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();

        // Bytes that are not a document at all.
        QTest::addRow("empty file") << bankKind << QByteArray("  \n") << QStringLiteral("the document is empty");
        QTest::addRow("malformed JSON") << bankKind << QByteArray("{\n  \"format\": \"neurorack.bank\",\n}")
                                        << QStringLiteral("line 3, column 2: malformed JSON: object is missing after a comma");
        QTest::addRow("JSON NaN literal") << bankKind << QByteArray("{\"format\": NaN}")
                                          << QStringLiteral("line 1, column 12: malformed JSON: illegal number");
        QTest::addRow("top-level array") << bankKind << QByteArray("[1, 2]")
                                         << QStringLiteral("expected a JSON object at the top level");
        QTest::addRow("absurd nesting") << bankKind << nested(100)
                                        << QStringLiteral("nested 101 levels deep, more than the 32 a Neurorack document may have");
        QTest::addRow("over the size limit") << bankKind << QByteArray(DocumentFile::kMaxFileSize + 1, ' ')
                                             << QStringLiteral("33554433 bytes, more than the 32 MiB limit for a document");
        QTest::addRow("truncated CBOR") << bankKind << cbor(mappingTree()).left(100)
                                        << QStringLiteral("malformed CBOR at byte 97: Unexpected end of input data (more bytes needed)");
        QTest::addRow("CBOR with trailing bytes") << bankKind << cbor(bank) + QByteArray("\x01\x02\x03", 3)
                                                  << QStringLiteral("malformed CBOR: 3 unexpected bytes after the document");

        // Header: format and version.
        QTest::addRow("another format") << bankKind << json(replaced(bank, QStringLiteral("format"), QStringLiteral("neurorack.mapping")))
                                        << QStringLiteral("format: \"neurorack.mapping\" is a mapping, not a bank");
        QTest::addRow("unknown format") << bankKind << json(replaced(bank, QStringLiteral("format"), QStringLiteral("ableton.set")))
                                        << QStringLiteral("format: \"ableton.set\" is not a Neurorack document format (expected \"neurorack.bank\")");
        QTest::addRow("missing format") << bankKind << json(removed(bank, QStringLiteral("format"))) << QStringLiteral("format: missing");
        QTest::addRow("newer version") << bankKind << json(replaced(bank, QStringLiteral("version"), 2))
                                       << QStringLiteral("version: 2 is newer than this Neurorack understands (1): the file was made "
                                                         "by a newer Neurorack; update Neurorack to open it");
        QTest::addRow("version zero") << bankKind << json(replaced(bank, QStringLiteral("version"), 0))
                                      << QStringLiteral("version: 0 is not a valid version (expected 1)");
        QTest::addRow("version as a string") << bankKind << json(replaced(bank, QStringLiteral("version"), QStringLiteral("1")))
                                             << QStringLiteral("version: expected a whole number, got a string");
        QTest::addRow("other hop length") << bankKind << json(replaced(bank, QStringLiteral("grid/hop_length"), 512))
                                          << QStringLiteral("grid.hop_length: 512 is not supported (Neurorack curves use a hop of 240 samples)");

        // Values out of range, not finite, of the wrong type.
        QTest::addRow("pitch too high") << bankKind << json(replaced(bank, QStringLiteral("presets/12/curves/pitch/40"), 25000))
                                        << QStringLiteral("presets[12].curves.pitch[40]: 25000 Hz is above the 8000 Hz maximum");
        QTest::addRow("loudness too low") << bankKind << json(replaced(bank, QStringLiteral("presets/0/curves/loudness/3"), -100.5))
                                          << QStringLiteral("presets[0].curves.loudness[3]: -100.5 LUFS is below the -70 LUFS minimum");
        QTest::addRow("tonality above 1") << bankKind << json(replaced(bank, QStringLiteral("presets/2/curves/tonality/0"), 1.5))
                                          << QStringLiteral("presets[2].curves.tonality[0]: 1.5 is above the 1 maximum");
        QTest::addRow("NaN in CBOR") << bankKind << cbor(replaced(bank, QStringLiteral("presets/0/curves/noisiness/5"), nan))
                                     << QStringLiteral("presets[0].curves.noisiness[5]: nan is not a finite number");
        QTest::addRow("infinity in CBOR") << bankKind << cbor(replaced(bank, QStringLiteral("presets/1/curves/brightness/7"), inf))
                                          << QStringLiteral("presets[1].curves.brightness[7]: inf is not a finite number");
        QTest::addRow("null outside pitch") << bankKind << json(replaced(bank, QStringLiteral("presets/0/curves/loudness/0"), QCborValue(nullptr)))
                                            << QStringLiteral("presets[0].curves.loudness[0]: expected a number, got null");
        QTest::addRow("name as a number") << bankKind << json(replaced(bank, QStringLiteral("presets/3/name"), 42))
                                          << QStringLiteral("presets[3].name: expected a string, got a number");
        QTest::addRow("curves as a string") << bankKind << json(replaced(bank, QStringLiteral("presets/3/curves"), QStringLiteral("none")))
                                            << QStringLiteral("presets[3].curves: expected an object, got a string");
        QTest::addRow("byte string in CBOR") << bankKind << cbor(replaced(bank, QStringLiteral("name"), QByteArray("Factory")))
                                             << QStringLiteral("name: expected a string, got a byte string");

        // Structure.
        QCborArray tooMany = bank.toMap().value(QStringLiteral("presets")).toArray();
        while (tooMany.size() <= Bank::kSlotCount)
            tooMany.append(QCborValue(nullptr));
        QTest::addRow("129 presets") << bankKind << json(replaced(bank, QStringLiteral("presets"), tooMany))
                                     << QStringLiteral("presets: 129 entries, but a bank has at most 128 slots");
        QTest::addRow("duplicate ids") << bankKind << json(replaced(bank, QStringLiteral("presets/1/id"), QStringLiteral("deep-kick")))
                                       << QStringLiteral("presets[1].id: \"deep-kick\" is already used by presets[0]");
        QTest::addRow("invalid id") << bankKind << json(replaced(bank, QStringLiteral("presets/0/id"), QStringLiteral("deep kick!")))
                                    << QStringLiteral("presets[0].id: \"deep kick!\" is not a valid id (letters, digits, '.', '_' "
                                                      "and '-', starting with a letter or digit)");
        QTest::addRow("missing name") << bankKind << json(removed(bank, QStringLiteral("presets/0/name")))
                                      << QStringLiteral("presets[0].name: missing");
        QTest::addRow("unknown field") << bankKind << json(replaced(bank, QStringLiteral("presets/0/colour"), QStringLiteral("red")))
                                       << QStringLiteral("presets[0].colour: unknown field");
        QTest::addRow("curves of unequal length") << bankKind << json(removed(bank, QStringLiteral("presets/0/curves/noisiness/199")))
                                                  << QStringLiteral("presets[0].curves.noisiness: 199 values, but "
                                                                    "presets[0].curves.loudness has 200: all curves must have the same length");
        QTest::addRow("duration disagrees with curves") << bankKind << json(replaced(bank, QStringLiteral("presets/0/duration"), 0.7))
                                                        << QStringLiteral("presets[0].duration: 0.7 s needs 140 frames at 200 frames per "
                                                                          "second, but the curves have 200");
        QTest::addRow("missing curve") << bankKind << json(removed(bank, QStringLiteral("presets/0/curves/tonality")))
                                       << QStringLiteral("presets[0].curves.tonality: missing");
        QTest::addRow("too many tags") << bankKind << json(replaced(bank, QStringLiteral("presets/0/tags"), QCborArray::fromStringList(QStringList(17, QStringLiteral("t")))))
                                       << QStringLiteral("presets[0].tags: 17 tags, more than the 16 allowed");
        QTest::addRow("morph to an empty slot") << bankKind << json(replaced(bank, QStringLiteral("morph/b"), 17))
                                                << QStringLiteral("morph.b: slot 17 is empty: the morph needs two presets");

        // The mapping inside the bank.
        QTest::addRow("unknown mapping target") << bankKind << json(replaced(bank, QStringLiteral("mapping/cv/2/target"), QStringLiteral("wobble")))
                                                << QStringLiteral("mapping.cv[2].target: \"wobble\" is not a known target (expected one of: "
                                                                  "none, descriptor_offset, descriptor_scale, morph_amount, preset_select, "
                                                                  "bank_scan, pitch_voct)");
        QTest::addRow("unknown descriptor") << bankKind << json(replaced(bank, QStringLiteral("mapping/cv/0/descriptor"), QStringLiteral("warmth")))
                                            << QStringLiteral("mapping.cv[0].descriptor: \"warmth\" is not a descriptor (expected one of: "
                                                              "loudness, percussivity, noisiness, tonality, richness, brightness, pitch)");
        QTest::addRow("three gates") << bankKind << json(replaced(bank, QStringLiteral("mapping/gates/2"), valueAt(bank, QStringLiteral("mapping/gates/0"))))
                                     << QStringLiteral("mapping.gates: 3 entries; the panel has exactly 2 gate inputs");
        QTest::addRow("volts reversed") << bankKind << json(replaced(bank, QStringLiteral("mapping/cv/0/volts"), QCborArray{5, -5}))
                                        << QStringLiteral("mapping.cv[0].volts: the low end (5 V) must be below the high end (-5 V)");
        QTest::addRow("volts beyond the rails") << bankKind << json(replaced(bank, QStringLiteral("mapping/cv/0/volts/1"), 15))
                                                << QStringLiteral("mapping.cv[0].volts[1]: 15 V is above the 12 V maximum");
        QTest::addRow("scale range too wide") << bankKind
                                              << json(replaced(replaced(bank, QStringLiteral("mapping/cv/0/target"), QStringLiteral("descriptor_scale")),
                                                               QStringLiteral("mapping/cv/0/range"), QCborArray{0.5, 20}))
                                              << QStringLiteral("mapping.cv[0].range[1]: 20 is above the 10 maximum");
        QTest::addRow("descriptor on a morph target") << bankKind << json(replaced(bank, QStringLiteral("mapping/cv/2/descriptor"), QStringLiteral("pitch")))
                                                      << QStringLiteral("mapping.cv[2].descriptor: not used by target \"morph_amount\"");
        QTest::addRow("range on a 1 V/oct input") << bankKind << json(replaced(bank, QStringLiteral("mapping/cv/3/range"), QCborArray{0, 1}))
                                                  << QStringLiteral("mapping.cv[3].range: not used by target \"pitch_voct\"");
        QTest::addRow("curved 1 V/oct") << bankKind << json(replaced(bank, QStringLiteral("mapping/cv/3/curve"), QStringLiteral("exponential")))
                                        << QStringLiteral("mapping.cv[3].curve: pitch_voct tracks 1 V/octave and must be linear");
        QTest::addRow("unknown gate action") << bankKind << json(replaced(bank, QStringLiteral("mapping/gates/1/action"), QStringLiteral("explode")))
                                             << QStringLiteral("mapping.gates[1].action: \"explode\" is not a known gate action (expected one of: "
                                                               "none, trigger, trigger_morph, next_preset, previous_preset)");

        // Stand-alone preset and mapping files.
        QTest::addRow("preset file: bank format") << QStringLiteral("preset") << json(replaced(presetTree(), QStringLiteral("format"), QStringLiteral("neurorack.bank")))
                                                  << QStringLiteral("format: \"neurorack.bank\" is a bank, not a preset");
        QTest::addRow("preset file: missing grid") << QStringLiteral("preset") << json(removed(presetTree(), QStringLiteral("grid")))
                                                   << QStringLiteral("grid: missing");
        QTest::addRow("mapping file: five CVs") << QStringLiteral("mapping")
                                                << json(replaced(mappingTree(), QStringLiteral("cv/4"), valueAt(mappingTree(), QStringLiteral("cv/0"))))
                                                << QStringLiteral("cv: 5 entries; the panel has exactly 4 CV inputs");
        QTest::addRow("mapping file: smoothing too long") << QStringLiteral("mapping") << json(replaced(mappingTree(), QStringLiteral("cv/1/smoothing_ms"), 5000))
                                                          << QStringLiteral("cv[1].smoothing_ms: 5000 ms is above the 1000 ms maximum");
    }

    void malformed()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const FieldErrors errors = load(kind, bytes);
        QStringList lines;
        for (const auto &e : errors)
            lines << e.toString();
        QVERIFY2(!errors.isEmpty(), "the document was accepted");
        QVERIFY2(lines.contains(message), qPrintable(QStringLiteral("expected: %1\ngot:\n%2").arg(message, lines.join(QLatin1Char('\n')))));
    }

    void manyErrorsAreSummarised()
    {
        QCborValue bank = factoryTree();
        for (int i = 0; i < 120; ++i)
            bank = replaced(bank, QStringLiteral("presets/%1/name").arg(i % 16), i);
        for (int slot = 0; slot < 16; ++slot)
            bank = replaced(bank, QStringLiteral("presets/%1/tags").arg(slot), 3);
        for (int slot = 0; slot < 16; ++slot)
            bank = replaced(bank, QStringLiteral("presets/%1/duration").arg(slot), QStringLiteral("long"));
        const auto errors = DocumentFile::bankFromBytes(json(bank)).errors();
        QCOMPARE(errors.size(), DocumentCodec::kMaxReportedErrors + 1);
        QCOMPARE(errors.last().toString(), QStringLiteral("… and 8 more errors"));
    }

    void badValuesInOneCurveAreCounted()
    {
        QCborValue bank = factoryTree();
        for (int i = 10; i < 15; ++i)
            bank = replaced(bank, QStringLiteral("presets/0/curves/percussivity/%1").arg(i), -1);
        const auto errors = DocumentFile::bankFromBytes(json(bank)).errors();
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.at(0).toString(), QStringLiteral("presets[0].curves.percussivity[10]: -1 is below the 0 minimum"));
        QCOMPARE(errors.at(1).toString(), QStringLiteral("presets[0].curves.percussivity: 4 more invalid values in this curve"));
    }
};

QTEST_GUILESS_MAIN(tst_Validation)
#include "tst_validation.moc"
