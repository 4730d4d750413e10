console.log('claimbook: not yet');
