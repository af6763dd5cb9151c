// SPDX-License-Identifier: GPL-3.0-or-later
// Loads every shipped document (factory bank, factory mappings), from the source tree
// and from the copies compiled into the programs, and fails on any error.
#include "io/documentfile.h"
#include "model/factory.h"

#include <QDirIterator>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace neurorack;

class tst_ShippedFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyShippedDocumentLoads_data()
    {
        QTest::addColumn<QString>("path");
        QDirIterator it(QStringLiteral(NEURORACK_SOURCE_DIR "/core/resources"), {QStringLiteral("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        int count = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::addRow("%s", qPrintable(path.mid(int(qstrlen(NEURORACK_SOURCE_DIR)) + 1))) << path;
            ++count;
        }
        QTest::addRow("resource: factory bank") << Factory::bankResource();
        for (const QString &r : Factory::mappingResources())
            QTest::addRow("resource: %s", qPrintable(r)) << r;
        QVERIFY(count >= 3);
    }
    void everyShippedDocumentLoads()
    {
        QFETCH(QString, path);
        const auto bytes = DocumentFile::readFile(path);
        QVERIFY2(bytes.ok(), qPrintable(bytes.errorString()));
        const auto tree = DocumentFile::parse(*bytes);
        QVERIFY2(tree.ok(), qPrintable(tree.errorString()));
        const auto kind = DocumentCodec::kindOf(*tree);
        QVERIFY2(kind.has_value(), "not a Neurorack document");
        QString errors;
        QByteArray rewritten;
        switch (*kind) {
        case DocumentKind::Bank: {
            const auto doc = DocumentCodec::decodeBank(*tree);
            errors = doc.errorString();
            if (doc)
                rewritten = DocumentFile::serialize(DocumentCodec::encodeBank(*doc), Encoding::Json);
            break;
        }
        case DocumentKind::Preset: {
            const auto doc = DocumentCodec::decodePreset(*tree);
            errors = doc.errorString();
            if (doc)
                rewritten = DocumentFile::serialize(DocumentCodec::encodePreset(*doc), Encoding::Json);
            break;
        }
        case DocumentKind::Mapping: {
            const auto doc = DocumentCodec::decodeMapping(*tree);
            errors = doc.errorString();
            if (doc)
                rewritten = DocumentFile::serialize(DocumentCodec::encodeMapping(*doc), Encoding::Json);
            break;
        }
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
        // Shipped files are kept in the canonical layout, so that saving one changes nothing.
        QCOMPARE(rewritten, *bytes);
    }

    void factoryBankHasDistinctCharacters()
    {
        const auto bank = Factory::bank();
        QVERIFY2(bank.ok(), qPrintable(bank.errorString()));
        QVERIFY(bank->presetCount() >= 16);
        QCOMPARE(bank->mapping().id, QStringLiteral("original"));
        QSet<QString> names;
        QSet<QString> firstTags;
        int voiced = 0;
        int unvoiced = 0;
        double shortest = 1e9;
        double longest = 0;
        for (const int slot : bank->filledSlots()) {
            const Preset *p = bank->preset(slot);
            names.insert(p->name);
            QVERIFY2(!p->tags.isEmpty(), qPrintable(p->id));
            firstTags.insert(p->tags.first());
            shortest = std::min(shortest, p->duration());
            longest = std::max(longest, p->duration());
            // Every preset sounds: its loudness peaks well above the floor, early.
            const auto loud = p->curves.curve(DescriptorId::Loudness);
            const auto peak = std::max_element(loud.begin(), loud.end());
            QVERIFY2(*peak > -30.0f, qPrintable(p->id));
            QVERIFY2(peak - loud.begin() < 10, qPrintable(p->id));
            // Tonal impacts have a pitch for much of their length; noisy ones none at all.
            int voicedFrames = 0;
            for (int f = 0; f < p->curves.frameCount(); ++f)
                voicedFrames += p->curves.isVoiced(f) ? 1 : 0;
            voiced += voicedFrames * 4 > p->curves.frameCount() ? 1 : 0;
            unvoiced += voicedFrames == 0 ? 1 : 0;
        }
        QCOMPARE(names.size(), bank->presetCount());
        QVERIFY2(firstTags.size() >= 10, "presets should cover many kinds of impact");
        QVERIFY(voiced >= 4 && unvoiced >= 2); // tonal and noisy impacts both
        QVERIFY(longest / shortest >= 5.0);
    }
};

QTEST_GUILESS_MAIN(tst_ShippedFiles)
#include "tst_shippedfiles.moc"
