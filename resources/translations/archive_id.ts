<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ArchiveMessages</name>
    <message>
        <location filename="../../ui/archive/messages.py" line="13"/>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="14"/>
        <source>Internal review</source>
        <translation>Telaah internal</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="15"/>
        <source>Negotiation</source>
        <translation>Negosiasi</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="16"/>
        <source>Agreed</source>
        <translation>Disepakati</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="17"/>
        <source>Being signed</source>
        <translation>Sedang ditandatangani</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="18"/>
        <source>Signed</source>
        <translation>Ditandatangani</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="19"/>
        <source>Expired</source>
        <translation>Berakhir</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="20"/>
        <source>Terminated</source>
        <translation>Diakhiri</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="28"/>
        <source>changed after signing</source>
        <translation>diubah setelah ditandatangani</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="29"/>
        <source>broken signature</source>
        <translation>tanda tangan rusak</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="30"/>
        <source>content added after signing</source>
        <translation>isi ditambahkan setelah ditandatangani</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="31"/>
        <source>signer not trusted</source>
        <translation>penanda tangan tidak dipercaya</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="44"/>
        <source>The file is not a PDF of an agreement.</source>
        <translation>Berkas ini bukan PDF kesepakatan.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="47"/>
        <source>The PDF cannot be read; it may be incomplete or damaged.</source>
        <translation>PDF tidak dapat dibaca; mungkin tidak lengkap atau rusak.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="50"/>
        <source>The PDF is not a Lintas agreement (it does not name an agreement and revision).</source>
        <translation>PDF ini bukan kesepakatan Lintas (tidak menyebut kesepakatan dan revisinya).</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="54"/>
        <source>The agreement in this PDF is not in this office&apos;s database. Exchange the agreement first, or use Verify to check the signatures only.</source>
        <translation>Kesepakatan dalam PDF ini tidak ada di basis data kantor ini. Pertukarkan kesepakatannya terlebih dahulu, atau gunakan Verifikasi untuk memeriksa tanda tangannya saja.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="59"/>
        <source>The agreement is {state} here, so it cannot be signed now.</source>
        <translation>Status kesepakatan di sini {state}, sehingga belum dapat ditandatangani sekarang.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="63"/>
        <source>The PDF is of another revision ({pdf_hash}…) than the one this office agreed to (revision {agreed_round}, {agreed_hash}…). It was not accepted; nothing changed.</source>
        <translation>PDF ini berasal dari revisi lain ({pdf_hash}…), bukan revisi yang disepakati kantor ini (revisi {agreed_round}, {agreed_hash}…). Berkas tidak diterima; tidak ada yang berubah.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="72"/>
        <source>The PDF carries no signature yet: PIHAK PERTAMA signs before sending it.</source>
        <translation>PDF ini belum bertanda tangan: PIHAK PERTAMA menandatanganinya sebelum mengirimkan.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="76"/>
        <source>A signature failed verification ({details}). It was not accepted; nothing changed.</source>
        <translation>Sebuah tanda tangan gagal diverifikasi ({details}). Berkas tidak diterima; tidak ada yang berubah.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="80"/>
        <source>The signature in {field} was made by {signer}, not with a certificate of {party}. It was not accepted.</source>
        <translation>Tanda tangan pada {field} dibuat oleh {signer}, bukan dengan sertifikat {party}. Berkas tidak diterima.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="85"/>
        <source>The parties did not sign in order ({found}). It was not accepted.</source>
        <translation>Para pihak tidak menandatangani sesuai urutan ({found}). Berkas tidak diterima.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="88"/>
        <source>The PDF does not continue the file this office already holds: something signed was changed. It was not accepted.</source>
        <translation>PDF ini bukan kelanjutan dari berkas yang sudah dimiliki kantor ini: ada bagian bertanda tangan yang diubah. Berkas tidak diterima.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="93"/>
        <source>This office already holds a file with {held} signature(s); this one carries {got}. Nothing was changed.</source>
        <translation>Kantor ini sudah memiliki berkas dengan {held} tanda tangan; berkas ini memuat {got}. Tidak ada yang berubah.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="98"/>
        <source>{party} (PIHAK PERTAMA) prepares and signs first. Open the partly signed PDF it sends you with “Open a signed PDF…”.</source>
        <translation>{party} (PIHAK PERTAMA) menyiapkan dan menandatangani lebih dahulu. Buka PDF yang sudah ditandatangani sebagian yang dikirimkannya melalui “Buka PDF bertanda tangan…”.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="103"/>
        <source>This office is not a party to the agreement, so it does not sign it.</source>
        <translation>Kantor ini bukan pihak dalam kesepakatan ini, sehingga tidak ikut menandatanganinya.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="107"/>
        <source>It is not this office&apos;s turn to sign; {party} signs next.</source>
        <translation>Belum giliran kantor ini untuk menandatangani; berikutnya {party}.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="110"/>
        <source>{name} is not a signatory. Switch to the signatory in the window header.</source>
        <translation>{name} bukan penanda tangan. Pilih penanda tangan di bagian atas jendela.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="114"/>
        <source>The password does not open the signing certificate. Nothing was signed.</source>
        <translation>Kata sandi tidak dapat membuka sertifikat tanda tangan. Tidak ada yang ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="118"/>
        <source>The signing certificate cannot be used ({error}). Nothing was signed.</source>
        <translation>Sertifikat tanda tangan tidak dapat digunakan ({error}). Tidak ada yang ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="122"/>
        <source>Signing failed ({error}). Nothing was signed.</source>
        <translation>Penandatanganan gagal ({error}). Tidak ada yang ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="125"/>
        <source>The agreement cannot move to signing: {reasons}</source>
        <translation>Kesepakatan belum dapat masuk ke tahap penandatanganan: {reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="128"/>
        <source>The PDF cannot be made: {error}</source>
        <translation>PDF tidak dapat dibuat: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="131"/>
        <source>No PDF of this agreement is on this computer. Prepare it first.</source>
        <translation>Belum ada PDF kesepakatan ini di komputer ini. Siapkan terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="1"/>
        <source>Its text differs from the agreed revision in Pasal {pasal}.</source>
        <translation>Teksnya berbeda dari revisi yang disepakati pada Pasal {pasal}.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="1"/>
        <source>Its text differs from the agreed revision on page {page}.</source>
        <translation>Teksnya berbeda dari revisi yang disepakati pada halaman {page}.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="1"/>
        <source>Page {page} looks different from the agreed revision.</source>
        <translation>Halaman {page} tampak berbeda dari revisi yang disepakati.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="1"/>
        <source>It has a different number of pages than the agreed revision.</source>
        <translation>Jumlah halamannya berbeda dari revisi yang disepakati.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="1"/>
        <source>It contains content that the agreed revision does not show.</source>
        <translation>Isinya memuat sesuatu yang tidak ada pada revisi yang disepakati.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="1"/>
        <source>It cannot be read.</source>
        <translation>PDF itu tidak dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/messages.py" line="1"/>
        <source>This PDF is not the document this office agreed to, although it names the agreed revision. {where} It was not accepted and nothing was signed; ask the other office to send the agreed revision.</source>
        <translation>PDF ini bukan dokumen yang disepakati kantor ini, meskipun menyebut revisi yang disepakati. {where} PDF itu tidak diterima dan tidak ada yang ditandatangani; mintalah kantor lain mengirim revisi yang disepakati.</translation>
    </message>
</context>
<context>
    <name>ArchiveReceiving</name>
    <message>
        <location filename="../../ui/archive/receiving.py" line="59"/>
        <source>This agreement is not Agreed here yet ({state}); the file opens for reading and verifying only.</source>
        <translation>Kesepakatan ini belum berstatus Disepakati di sini ({state}); berkas dibuka hanya untuk dibaca dan diverifikasi.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/receiving.py" line="70"/>
        <source>Choose who you are in the window header first.</source>
        <translation>Pilih siapa Anda di bagian atas jendela terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/receiving.py" line="83"/>
        <source>The file was verified and stored: {done} of {total} signatures.</source>
        <translation>Berkas telah diverifikasi dan disimpan: {done} dari {total} tanda tangan.</translation>
    </message>
</context>
<context>
    <name>ArchiveTable</name>
    <message>
        <location filename="../../ui/archive/archive_table.py" line="25"/>
        <source>Agreement</source>
        <translation>Kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/archive/archive_table.py" line="26"/>
        <source>Parties</source>
        <translation>Para pihak</translation>
    </message>
    <message>
        <location filename="../../ui/archive/archive_table.py" line="27"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/archive/archive_table.py" line="28"/>
        <source>Signatures</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/archive/archive_table.py" line="29"/>
        <source>Revision</source>
        <translation>Revisi</translation>
    </message>
    <message>
        <location filename="../../ui/archive/archive_table.py" line="33"/>
        <source>Verified</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <location filename="../../ui/archive/archive_table.py" line="52"/>
        <source>{done} of {total}</source>
        <translation>{done} dari {total}</translation>
    </message>
</context>
<context>
    <name>OfflineSigningDialog</name>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="51"/>
        <source>Signing by file exchange</source>
        <extracomment>The agreement&apos;s state changed (signed here, or completed): the archive list refreshes.</extracomment>
        <translation>Penandatanganan melalui pertukaran berkas</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="56"/>
        <source>Signatures</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="60"/>
        <source>1. PIHAK PERTAMA signs and sends the file (mail, USB stick).&lt;br/&gt;2. PIHAK KEDUA opens it in the Archive with “Open a signed PDF…”; it is verified on arrival. PIHAK KEDUA signs and sends the file back.&lt;br/&gt;3. PIHAK PERTAMA opens the returned file: both offices hold the same signed PDF.</source>
        <translation>1. PIHAK PERTAMA menandatangani dan mengirimkan berkas (surel, flashdisk).&lt;br/&gt;2. PIHAK KEDUA membukanya di Arsip melalui “Buka PDF bertanda tangan…”; berkas diverifikasi saat diterima. PIHAK KEDUA menandatangani dan mengirimkan kembali berkasnya.&lt;br/&gt;3. PIHAK PERTAMA membuka berkas yang dikembalikan: kedua kantor memegang PDF bertanda tangan yang sama.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="73"/>
        <source>Sign…</source>
        <translation>Tanda tangani…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="75"/>
        <source>Save the file to send…</source>
        <translation>Simpan berkas untuk dikirim…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="76"/>
        <source>View the PDF…</source>
        <translation>Lihat PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="78"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="121"/>
        <source>&lt;b&gt;This agreement has no PDF to sign here.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Belum ada PDF kesepakatan ini untuk ditandatangani di sini.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="128"/>
        <source>&lt;b&gt;{title}&lt;/b&gt;&lt;br/&gt;Revision {round} · hash &lt;tt&gt;{hash}&lt;/tt&gt;</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;&lt;br/&gt;Revisi {round} · hash &lt;tt&gt;{hash}&lt;/tt&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="135"/>
        <source>Signed</source>
        <translation>Ditandatangani</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="138"/>
        <source>Signs next (this office)</source>
        <translation>Berikutnya menandatangani (kantor ini)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="138"/>
        <source>Signs next</source>
        <translation>Berikutnya menandatangani</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="141"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="146"/>
        <source>{role} · {office} ({title})</source>
        <translation>{role} · {office} ({title})</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="157"/>
        <source>Sign as {role}…</source>
        <translation>Tanda tangani sebagai {role}…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="162"/>
        <source>Every party has signed. Send the file to the other office if it does not have it yet.</source>
        <translation>Semua pihak telah menandatangani. Kirimkan berkas ke kantor lain bila kantor itu belum memilikinya.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="182"/>
        <source>The file was stored, but the agreement&apos;s state could not move: {reasons}</source>
        <translation>Berkas telah disimpan, tetapi status kesepakatan belum dapat berpindah: {reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="191"/>
        <source>Verified on arrival: it is the revision this office agreed to, and {count} signature(s) are valid and from the trusted offices.</source>
        <translation>Diverifikasi saat diterima: ini revisi yang disepakati kantor ini, dan {count} tanda tangan sah serta berasal dari instansi tepercaya.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="223"/>
        <source>Choose the signatory in the window header first.</source>
        <translation>Pilih penanda tangan di bagian atas jendela terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="241"/>
        <source>Signed. Save the file and send it to {office}.</source>
        <translation>Sudah ditandatangani. Simpan berkasnya dan kirimkan ke {office}.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="282"/>
        <source>Save the file to send</source>
        <translation>Simpan berkas untuk dikirim</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="284"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="297"/>
        <source>The file could not be saved: {error}</source>
        <translation>Berkas tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/archive/offline_dialog.py" line="300"/>
        <source>Saved to {path}.</source>
        <translation>Tersimpan di {path}.</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../ui/archive/page.py" line="57"/>
        <source>Nothing archived yet</source>
        <translation>Arsip masih kosong</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="59"/>
        <source>Agreements appear here once every party has signed them. You can also open a signed PDF you received to check its signatures.</source>
        <translation>Kesepakatan muncul di sini setelah ditandatangani oleh semua pihak. Anda juga dapat membuka PDF bertanda tangan yang Anda terima untuk memeriksa tanda tangannya.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="65"/>
        <location filename="../../ui/archive/page.py" line="347"/>
        <source>Verify a signed PDF</source>
        <translation>Periksa PDF bertanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="68"/>
        <location filename="../../ui/archive/page.py" line="87"/>
        <source>Prepare for signing…</source>
        <translation>Siapkan penandatanganan…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="72"/>
        <location filename="../../ui/archive/page.py" line="89"/>
        <source>Check a printed page…</source>
        <translation>Periksa halaman cetak…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="80"/>
        <source>Signed agreements</source>
        <translation>Kesepakatan bertanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="70"/>
        <location filename="../../ui/archive/page.py" line="88"/>
        <source>Open a signed PDF…</source>
        <translation>Buka PDF bertanda tangan…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="103"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="104"/>
        <source>Verify…</source>
        <translation>Verifikasi…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="105"/>
        <source>Print preview…</source>
        <translation>Pratinjau cetak…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="106"/>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="107"/>
        <source>Save a copy…</source>
        <translation>Simpan salinan…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="108"/>
        <source>Continue signing…</source>
        <translation>Lanjutkan penandatanganan…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="181"/>
        <source>The stored PDF of “{title}” is missing or damaged.</source>
        <translation>PDF tersimpan untuk “{title}” hilang atau rusak.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="224"/>
        <source>The PDF cannot be opened for printing.</source>
        <translation>PDF tidak dapat dibuka untuk dicetak.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="259"/>
        <source>{count} sheet(s) sent to the printer.</source>
        <translation>{count} lembar dikirim ke pencetak.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="269"/>
        <source>Save a copy</source>
        <translation>Simpan salinan</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="271"/>
        <location filename="../../ui/archive/page.py" line="347"/>
        <location filename="../../ui/archive/page.py" line="368"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="285"/>
        <source>The copy could not be saved: {error}</source>
        <translation>Salinan tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="288"/>
        <source>Saved a copy to {path}.</source>
        <translation>Salinan tersimpan di {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="340"/>
        <source>The file cannot be read: {error}</source>
        <translation>Berkas tidak dapat dibaca: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py" line="368"/>
        <source>Open a signed PDF</source>
        <translation>Buka PDF bertanda tangan</translation>
    </message>
    <message>
        <source>Extend…</source>
        <translation>Perpanjang…</translation>
    </message>
    <message>
        <source>Add a time-stamp and validation data so the signatures outlive their certificates</source>
        <translation>Tambahkan penanda waktu dan data validasi agar tanda tangan tetap sah setelah sertifikatnya berakhir</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py"/>
        <source>Printing is refused: this file was changed after it was signed. Ask the sender for the signed original.</source>
        <translation>Pencetakan ditolak: berkas ini diubah setelah ditandatangani. Mintalah dokumen asli yang ditandatangani kepada pengirim.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/page.py"/>
        <source>Printing is refused: a signature of this file does not verify. Open it to see which one and why.</source>
        <translation>Pencetakan ditolak: ada tanda tangan pada berkas ini yang tidak terverifikasi. Buka berkasnya untuk melihat yang mana dan alasannya.</translation>
    </message>
</context>
<context>
    <name>PrepareSigningDialog</name>
    <message>
        <location filename="../../ui/archive/prepare_dialog.py" line="60"/>
        <source>Prepare for signing</source>
        <extracomment>The local id of the agreement that is now ready for PIHAK PERTAMA&apos;s signature.</extracomment>
        <translation>Siapkan penandatanganan</translation>
    </message>
    <message>
        <location filename="../../ui/archive/prepare_dialog.py" line="63"/>
        <source>For offices that sign outside a call. Lintas renders the PDF of the agreed revision; your signatory signs it first, then you send the file to the other office, which signs it and sends it back.</source>
        <translation>Untuk kantor yang menandatangani di luar sesi vicon. Lintas membuat PDF dari revisi yang disepakati; penanda tangan Anda menandatanganinya lebih dahulu, lalu Anda mengirim berkasnya ke kantor lain, yang menandatanganinya dan mengirimkannya kembali.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/prepare_dialog.py" line="74"/>
        <source>F4 (215 × 330 mm)</source>
        <translation>F4 (215 × 330 mm)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/prepare_dialog.py" line="75"/>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/prepare_dialog.py" line="78"/>
        <source>Agreement:</source>
        <translation>Kesepakatan:</translation>
    </message>
    <message>
        <location filename="../../ui/archive/prepare_dialog.py" line="79"/>
        <source>Paper:</source>
        <translation>Kertas:</translation>
    </message>
    <message>
        <location filename="../../ui/archive/prepare_dialog.py" line="86"/>
        <source>No agreement is Agreed with this office as PIHAK PERTAMA.</source>
        <translation>Tidak ada kesepakatan berstatus Disepakati dengan kantor ini sebagai PIHAK PERTAMA.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/prepare_dialog.py" line="90"/>
        <source>Prepare</source>
        <translation>Siapkan</translation>
    </message>
    <message>
        <location filename="../../ui/archive/prepare_dialog.py" line="94"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/archive/prepare_dialog.py" line="119"/>
        <source>Choose who you are in the window header first.</source>
        <translation>Pilih siapa Anda di bagian atas jendela terlebih dahulu.</translation>
    </message>
</context>
<context>
    <name>QrCheckDialog</name>
    <message>
        <location filename="../../ui/archive/qr_check.py" line="36"/>
        <source>Check a printed page</source>
        <translation>Periksa halaman cetak</translation>
    </message>
    <message>
        <location filename="../../ui/archive/qr_check.py" line="40"/>
        <source>Scan the QR code in the footer of a printed page (a scanner types it here), or paste its text. Lintas looks up the agreement and revision in this office&apos;s database.</source>
        <translation>Pindai kode QR di kaki halaman cetak (pemindai mengetikkannya di sini), atau tempelkan teksnya. Lintas mencari kesepakatan dan revisinya di basis data kantor ini.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/qr_check.py" line="49"/>
        <source>Page code</source>
        <translation>Kode halaman</translation>
    </message>
    <message>
        <location filename="../../ui/archive/qr_check.py" line="51"/>
        <source>Check</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <location filename="../../ui/archive/qr_check.py" line="62"/>
        <source>The answer appears here.</source>
        <translation>Hasilnya tampil di sini.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/qr_check.py" line="64"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/archive/qr_check.py" line="92"/>
        <source>&lt;b&gt;Matches the app&apos;s record.&lt;/b&gt;&lt;br/&gt;The page belongs to “{title}”, revision {round} (hash {hash}…), the revision the parties agreed to. Status here: {status}.</source>
        <translation>&lt;b&gt;Sesuai dengan catatan aplikasi.&lt;/b&gt;&lt;br/&gt;Halaman ini milik “{title}”, revisi {round} (hash {hash}…), revisi yang disepakati para pihak. Status di sini: {status}.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/qr_check.py" line="103"/>
        <source>&lt;b&gt;Not an agreed text.&lt;/b&gt;&lt;br/&gt;The page shows revision {round} of “{title}” (hash {hash}…); no revision of it has been agreed yet.</source>
        <translation>&lt;b&gt;Bukan naskah yang disepakati.&lt;/b&gt;&lt;br/&gt;Halaman ini memuat revisi {round} dari “{title}” (hash {hash}…); belum ada revisinya yang disepakati.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/qr_check.py" line="107"/>
        <source>&lt;b&gt;Does not match the agreed text.&lt;/b&gt;&lt;br/&gt;The page shows revision {round} of “{title}” (hash {hash}…), but the parties agreed to revision {agreed_round} (hash {agreed}…).</source>
        <translation>&lt;b&gt;Tidak sesuai dengan naskah yang disepakati.&lt;/b&gt;&lt;br/&gt;Halaman ini memuat revisi {round} dari “{title}” (hash {hash}…), padahal para pihak menyepakati revisi {agreed_round} (hash {agreed}…).</translation>
    </message>
    <message>
        <location filename="../../ui/archive/qr_check.py" line="119"/>
        <source>&lt;b&gt;Does not match.&lt;/b&gt;&lt;br/&gt;“{title}” never had a revision with hash {hash}… The page may be altered or forged.</source>
        <translation>&lt;b&gt;Tidak sesuai.&lt;/b&gt;&lt;br/&gt;“{title}” tidak pernah memiliki revisi dengan hash {hash}… Halaman ini mungkin diubah atau dipalsukan.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/qr_check.py" line="124"/>
        <source>&lt;b&gt;Not found.&lt;/b&gt;&lt;br/&gt;No agreement with id {id} is in this office&apos;s database.</source>
        <translation>&lt;b&gt;Tidak ditemukan.&lt;/b&gt;&lt;br/&gt;Tidak ada kesepakatan dengan id {id} di basis data kantor ini.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/qr_check.py" line="127"/>
        <source>&lt;b&gt;Not a Lintas page code.&lt;/b&gt;&lt;br/&gt;Scan the QR code in the footer of a printed agreement page, or type the text it carries.</source>
        <translation>&lt;b&gt;Bukan kode halaman Lintas.&lt;/b&gt;&lt;br/&gt;Pindai kode QR di kaki halaman cetak kesepakatan, atau ketikkan teks yang dimuatnya.</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>Extend long-term validity</source>
        <translation>Perpanjang keabsahan jangka panjang</translation>
    </message>
    <message>
        <source>Lintas asks the time-stamp server set in Settings for a document time-stamp and stores the certificates' status in the PDF. The signatures then stay verifiable after the certificates expire. The signed content does not change.</source>
        <translation>Lintas meminta penanda waktu dokumen dari server penanda waktu yang diatur di Pengaturan dan menyimpan status sertifikat di dalam PDF. Dengan begitu tanda tangan tetap dapat diverifikasi setelah sertifikatnya berakhir. Isi yang ditandatangani tidak berubah.</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Perpanjang</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Set a time-stamp server in Settings (Signatures) first.</source>
        <translation>Atur server penanda waktu di Pengaturan (Tanda Tangan) terlebih dahulu.</translation>
    </message>
    <message>
        <source>Asking the time-stamp server and the certificate issuers…</source>
        <translation>Menghubungi server penanda waktu dan penerbit sertifikat…</translation>
    </message>
    <message>
        <source>The extended PDF could not be stored. The original is unchanged.</source>
        <translation>PDF yang diperpanjang tidak dapat disimpan. Berkas aslinya tidak berubah.</translation>
    </message>
    <message>
        <source>Extended, but the issuer reports that a signing certificate was revoked. Open the agreement to see which signature is affected.</source>
        <translation>Sudah diperpanjang, tetapi penerbit melaporkan bahwa sebuah sertifikat penanda tangan telah dicabut. Buka kesepakatan untuk melihat tanda tangan mana yang terdampak.</translation>
    </message>
    <message>
        <source>Done: the agreement now carries its validation data and a document time-stamp. It stays verifiable after the certificates expire.</source>
        <translation>Selesai: kesepakatan kini memuat data validasi dan penanda waktu dokumen. Kesepakatan tetap dapat diverifikasi setelah sertifikatnya berakhir.</translation>
    </message>
</context>
<context>
    <name>LtvMessages</name>
    <message>
        <source>Signed without a time-stamp: no time-stamp server is set in Settings. The signature stays valid until the certificate expires; use Extend in the Archive to keep it verifiable beyond that.</source>
        <translation>Ditandatangani tanpa penanda waktu: belum ada server penanda waktu di Pengaturan. Tanda tangan sah sampai sertifikatnya berakhir; gunakan Perpanjang di Arsip agar tetap dapat diverifikasi sesudahnya.</translation>
    </message>
    <message>
        <source>Signed without a time-stamp: the time-stamp server did not answer. Use Extend in the Archive once it is reachable again.</source>
        <translation>Ditandatangani tanpa penanda waktu: server penanda waktu tidak menjawab. Gunakan Perpanjang di Arsip setelah server dapat dihubungi lagi.</translation>
    </message>
    <message>
        <source>Signed with a time-stamp, but the certificate status could not be fetched. Use Extend in the Archive once the network is back.</source>
        <translation>Ditandatangani dengan penanda waktu, tetapi status sertifikat tidak dapat diambil. Gunakan Perpanjang di Arsip setelah jaringan pulih.</translation>
    </message>
    <message>
        <source>This PDF carries no signature yet, so there is nothing to extend.</source>
        <translation>PDF ini belum memuat tanda tangan, jadi tidak ada yang dapat diperpanjang.</translation>
    </message>
    <message>
        <source>The PDF cannot be read; it may be incomplete or damaged.</source>
        <translation>PDF tidak dapat dibaca; berkasnya mungkin tidak lengkap atau rusak.</translation>
    </message>
    <message>
        <source>The time-stamp server did not answer. Check the address in Settings and the network, then try again.</source>
        <translation>Server penanda waktu tidak menjawab. Periksa alamatnya di Pengaturan dan jaringan, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The certificate status could not be fetched from its issuer. Nothing was changed; try again later.</source>
        <translation>Status sertifikat tidak dapat diambil dari penerbitnya. Tidak ada yang diubah; coba lagi nanti.</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Select a signed agreement in the list to print it.</source>
        <translation>Pilih kesepakatan yang sudah ditandatangani di daftar untuk mencetaknya.</translation>
    </message>
</context>
<context>
    <name>ArchiveVerdict</name>
    <message>
        <location filename="../../ui/archive/verdict.py" line="56"/>
        <source>Not verified: the file cannot be read</source>
        <translation>Tidak terverifikasi: berkas tidak dapat dibaca</translation>
    </message>
    <message>
        <location filename="../../ui/archive/verdict.py" line="58"/>
        <source>Not verified: no signature</source>
        <translation>Tidak terverifikasi: tidak ada tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/archive/verdict.py" line="61"/>
        <source>Not verified: {failed} of {count} signatures fail</source>
        <translation>Tidak terverifikasi: {failed} dari {count} tanda tangan gagal</translation>
    </message>
    <message>
        <location filename="../../ui/archive/verdict.py" line="64"/>
        <source>Verified, {count} signatures</source>
        <translation>Terverifikasi, {count} tanda tangan</translation>
    </message>
</context>
</TS>
