import { evaluateRequirements } from '../../requirement';
import { factsWith, rec } from '../../testing/facts-builder';
import { T3_REQUIREMENTS } from './t3';
it('peek', () => {
  const ev = [
    rec('procedure', { stap: 'inspraakbesluit', inspraak: true, awb34VanToepassing: false, motivering: 'x' }),
    rec('procedure', { stap: 'kennisgeving-ontwerp', datum: '2026-05-05', prbId: 'prb-2026-1234' }),
    rec('procedure', { stap: 'terinzagelegging', startOn: '2026-05-04' }),
    rec('procedure', { stap: 'zienswijze', ontvangenOn: '2026-06-15', indienerRef: 'Vereniging Dorpsbelang', vorm: 'schriftelijk' }, { id: 'zw-1' }),
    rec('activiteit', { instrumentId: 'drenthe-in-debat', organisator: 'PS', fase: 'ontwikkeling-voorstel', inwonersGericht: true, niveau: 'consulteren', doelgroepen: ['x'], startOn: '2026-06-20', status: 'gepland' }),
    rec('document', { documentType: 'startnotitie', titel: 'Startnotitie Wonen', participatieparagraaf: { instrumenten: [{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' }] } }),
  ];
  for (const e of evaluateRequirements(T3_REQUIREMENTS, factsWith(ev))) console.log(`${e.id} ${e.status}\nNL: ${e.explanation.nl}\nEN: ${e.explanation.en}\n`);
});
