"""Generate ``sample_bandung.json``: a SAMPLE catalog of plausible Bandung smart-city apps.

The seeds say Bandung had 300 to 400 applications; their real list is not public here, so this
script builds ~350 plausible entries from combinations of subjects, forms and departments. The
output is labelled ``"sample": true`` with a note, and Lintas shows it as sample data.
Run: ``.venv/bin/python resources/catalog/generate_sample.py``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "sample_bandung.json"

# dimension -> (subjects with their owning OPD)
SUBJECTS: dict[str, list[tuple[str, str]]] = {
    "government": [
        ("Perizinan", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
        ("Kepegawaian", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
        ("Anggaran Daerah", "Badan Pengelolaan Keuangan dan Aset Daerah"),
        ("Pajak Daerah", "Badan Pendapatan Daerah"),
        ("Aset Daerah", "Badan Pengelolaan Keuangan dan Aset Daerah"),
        ("Pengadaan Barang dan Jasa", "Bagian Pengadaan Barang dan Jasa"),
        ("Naskah Dinas", "Bagian Umum Sekretariat Daerah"),
        ("Kinerja Perangkat Daerah", "Badan Perencanaan Pembangunan Daerah"),
        ("Perencanaan Pembangunan", "Badan Perencanaan Pembangunan Daerah"),
        ("Produk Hukum Daerah", "Bagian Hukum Sekretariat Daerah"),
        ("Pengaduan Warga", "Dinas Komunikasi dan Informatika"),
        ("Data Terpadu", "Dinas Komunikasi dan Informatika"),
        ("Absensi Pegawai", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
        ("Kearsipan", "Dinas Arsip dan Perpustakaan"),
    ],
    "society": [
        ("Layanan Kependudukan", "Dinas Kependudukan dan Pencatatan Sipil"),
        ("Akta Kelahiran", "Dinas Kependudukan dan Pencatatan Sipil"),
        ("Penerimaan Peserta Didik", "Dinas Pendidikan"),
        ("Beasiswa Warga", "Dinas Pendidikan"),
        ("Perpustakaan Digital", "Dinas Arsip dan Perpustakaan"),
        ("Kegiatan Kepemudaan", "Dinas Pemuda dan Olahraga"),
        ("Relawan Kota", "Dinas Sosial"),
        ("Bantuan Sosial", "Dinas Sosial"),
        ("Pemberdayaan RW", "Dinas Pemberdayaan Masyarakat"),
        ("Perlindungan Anak", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"),
        ("Kegiatan Keagamaan", "Bagian Kesejahteraan Rakyat"),
        ("Musrenbang", "Badan Perencanaan Pembangunan Daerah"),
    ],
    "living": [
        ("Antrean Puskesmas", "Dinas Kesehatan"),
        ("Rujukan Rumah Sakit", "Dinas Kesehatan"),
        ("Ambulans Gawat Darurat", "Dinas Kesehatan"),
        ("Imunisasi Anak", "Dinas Kesehatan"),
        ("Tombol Darurat", "Dinas Komunikasi dan Informatika"),
        ("Pemadam Kebakaran", "Dinas Kebakaran dan Penanggulangan Bencana"),
        ("Kebencanaan", "Dinas Kebakaran dan Penanggulangan Bencana"),
        ("Taman Kota", "Dinas Perumahan dan Kawasan Permukiman, Pertanahan dan Pertamanan"),
        (
            "Rumah Tidak Layak Huni",
            "Dinas Perumahan dan Kawasan Permukiman, Pertanahan dan Pertamanan",
        ),
        ("Pemakaman Umum", "Dinas Perumahan dan Kawasan Permukiman, Pertanahan dan Pertamanan"),
        ("Wisata Kota", "Dinas Kebudayaan dan Pariwisata"),
        ("Agenda Budaya", "Dinas Kebudayaan dan Pariwisata"),
    ],
    "economy": [
        ("UMKM", "Dinas Koperasi dan Usaha Kecil Menengah"),
        ("Pasar Rakyat", "Dinas Perdagangan dan Perindustrian"),
        ("Harga Bahan Pokok", "Dinas Perdagangan dan Perindustrian"),
        ("Pencari Kerja", "Dinas Tenaga Kerja"),
        ("Pelatihan Kerja", "Dinas Tenaga Kerja"),
        ("Koperasi", "Dinas Koperasi dan Usaha Kecil Menengah"),
        ("Retribusi Pasar", "Dinas Perdagangan dan Perindustrian"),
        ("Investasi Daerah", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
        ("Ekonomi Kreatif", "Dinas Kebudayaan dan Pariwisata"),
        ("Pangan dan Pertanian Kota", "Dinas Ketahanan Pangan dan Pertanian"),
        ("Pajak Hotel dan Restoran", "Badan Pendapatan Daerah"),
        ("Izin Usaha Mikro", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
    ],
    "environment": [
        ("Bank Sampah", "Dinas Lingkungan Hidup dan Kebersihan"),
        ("Pengangkutan Sampah", "Dinas Lingkungan Hidup dan Kebersihan"),
        ("Kualitas Udara", "Dinas Lingkungan Hidup dan Kebersihan"),
        ("Kualitas Air Sungai", "Dinas Lingkungan Hidup dan Kebersihan"),
        (
            "Ruang Terbuka Hijau",
            "Dinas Perumahan dan Kawasan Permukiman, Pertanahan dan Pertamanan",
        ),
        ("Drainase dan Banjir", "Dinas Sumber Daya Air dan Bina Marga"),
        ("Penerangan Jalan Umum", "Dinas Perhubungan"),
        ("Tata Ruang", "Dinas Penataan Ruang"),
        ("Izin Bangunan", "Dinas Penataan Ruang"),
        ("Pohon Kota", "Dinas Perumahan dan Kawasan Permukiman, Pertanahan dan Pertamanan"),
        ("Energi Terbarukan", "Dinas Lingkungan Hidup dan Kebersihan"),
        ("Kompos Warga", "Dinas Lingkungan Hidup dan Kebersihan"),
    ],
    "mobility": [
        ("Lalu Lintas", "Dinas Perhubungan"),
        ("Parkir Elektronik", "Dinas Perhubungan"),
        ("Angkutan Kota", "Dinas Perhubungan"),
        ("Bus Sekolah", "Dinas Perhubungan"),
        ("Jalan Rusak", "Dinas Sumber Daya Air dan Bina Marga"),
        ("CCTV Kota", "Dinas Komunikasi dan Informatika"),
        ("Uji Kendaraan Bermotor", "Dinas Perhubungan"),
        ("Sepeda Kota", "Dinas Perhubungan"),
        ("Trotoar dan Pejalan Kaki", "Dinas Sumber Daya Air dan Bina Marga"),
        ("Terminal", "Dinas Perhubungan"),
        ("Rute Wisata", "Dinas Kebudayaan dan Pariwisata"),
        ("Izin Trayek", "Dinas Perhubungan"),
    ],
}

# form -> (name pattern, description pattern, public service?)
FORMS = [
    ("Sistem Informasi {s}", "Sistem informasi pengelolaan {l} untuk perangkat daerah.", False),
    ("Layanan Online {s}", "Layanan daring bagi warga untuk urusan {l}.", True),
    ("Dashboard {s}", "Dasbor pemantauan {l} bagi pimpinan di Bandung Command Center.", False),
    ("Aplikasi Mobile {s}", "Aplikasi ponsel bagi warga untuk {l}, dengan notifikasi.", True),
    ("Portal Data {s}", "Portal data terbuka tentang {l}.", True),
    ("e-{s}", "Pengelolaan {l} secara elektronik dari pengajuan sampai laporan.", False),
]
STACKS = [
    "PHP (Laravel), MySQL",
    "PHP (CodeIgniter), MySQL",
    "Java (Spring Boot), PostgreSQL",
    "Python (Django), PostgreSQL",
    "Node.js (Express), MongoDB",
    "Android (Kotlin), Firebase",
    "Flutter, Laravel API, MySQL",
    "Go, PostgreSQL, Redis",
]
LICENCES = ["Milik Pemerintah Kota Bandung", "Apache-2.0", "GPL-3.0", "MIT"]


def build() -> dict[str, object]:
    """The sample catalog document."""
    rng = random.Random(20160727)  # fixed seed: the file is reproducible
    apps = []
    for dimension, subjects in SUBJECTS.items():
        for subject, opd in subjects:
            forms = rng.sample(FORMS, k=5)
            for pattern, description, public in forms:
                name = pattern.format(s=subject)
                apps.append(
                    {
                        "name": name,
                        "description": description.format(l=subject.lower()),
                        "dimension": dimension,
                        "opd": opd,
                        "public_service": public,
                        "tech_stack": rng.choice(STACKS),
                        "licence": rng.choice(LICENCES),
                    }
                )
    return {
        "sample": True,
        "note": (
            "SAMPLE DATA generated by resources/catalog/generate_sample.py from combinations of "
            "subjects and forms. It is not the real list of Bandung's applications."
        ),
        "owner_region": "Bandung",
        "apps": apps,
    }


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
